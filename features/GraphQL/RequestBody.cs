namespace Slices.Features.GraphQL;

internal static class RequestBody
{
    /// <summary>
    /// Reads the whole body, or returns null as soon as it exceeds <paramref name="maxBytes"/>, which also covers a
    /// chunked body without Content-Length.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];

        while (true)
        {
            var read = await body.ReadAsync(chunk, cancellation);
            if (read == 0)
                return buffer.ToArray();

            if (buffer.Length + read > maxBytes)
                return null;

            buffer.Write(chunk, 0, read);
        }
    }
}
