namespace Slices.Api;

/// <summary>
/// A read-only request body that raises <see cref="BadHttpRequestException"/> with status 413 once more than
/// <paramref name="maxBytes"/> bytes are read, as Kestrel does for a body without Content-Length.
/// </summary>
internal sealed class LengthLimitedStream(Stream inner, long maxBytes) : Stream
{
    private long bytesRead;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => bytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        bytesRead += read;
        if (bytesRead > maxBytes)
            throw new BadHttpRequestException($"The request body is larger than the limit of {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);

        return read;
    }
}
