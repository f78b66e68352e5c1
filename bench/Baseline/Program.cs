using System.Collections.Frozen;
using System.Globalization;

// The baseline of bench/run.sh: a bare minimal API with no authentication, FastEndpoints or GraphQL. It
// serves, at /{name}, the response that Slices gave for each scenario, captured by the script into the
// folder of the Responses setting as NAME.body, NAME.type (content type) and NAME.status.
var builder = WebApplication.CreateBuilder(args);

// The host's default Information level would log every request; the baseline measures the server alone.
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var responsesFolder = builder.Configuration["Responses"]
    ?? throw new InvalidOperationException("The Responses setting is missing. Set it to the folder of captured responses, e.g. --Responses=/tmp/responses.");
var responses = CapturedResponse.ReadAll(responsesFolder);

var app = builder.Build();

app.MapMethods("/{name}", [HttpMethods.Get, HttpMethods.Post], async (string name, HttpContext http) =>
{
    if (!responses.TryGetValue(name, out var response))
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    // Slices reads every request body, so the baseline reads it too.
    if (HttpMethods.IsPost(http.Request.Method))
        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);

    http.Response.StatusCode = response.StatusCode;
    http.Response.ContentType = response.ContentType;
    http.Response.ContentLength = response.Body.Length;

    await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
});

app.Run();

/// <summary>A response body with the content type and status code that Slices sent with it.</summary>
internal sealed record CapturedResponse(byte[] Body, string ContentType, int StatusCode)
{
    /// <summary>Reads every NAME.body in <paramref name="folder"/> with its NAME.type and NAME.status, keyed by NAME.</summary>
    public static FrozenDictionary<string, CapturedResponse> ReadAll(string folder)
    {
        var responses = new Dictionary<string, CapturedResponse>(StringComparer.Ordinal);

        foreach (var bodyPath in Directory.EnumerateFiles(folder, "*.body"))
        {
            var name = Path.GetFileNameWithoutExtension(bodyPath);
            var contentType = File.ReadAllText(Path.ChangeExtension(bodyPath, ".type")).Trim();
            var statusCode = int.Parse(File.ReadAllText(Path.ChangeExtension(bodyPath, ".status")).Trim(), CultureInfo.InvariantCulture);

            responses[name] = new CapturedResponse(File.ReadAllBytes(bodyPath), contentType, statusCode);
        }

        if (responses.Count == 0)
            throw new InvalidOperationException($"The folder '{folder}' contains no captured responses (*.body files).");

        return responses.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
