using Microsoft.OData;

namespace ContentHub.Testing;

/// <summary>An HTTP response as Microsoft.OData.Core's reader takes it, so tests read the service as OData clients do.</summary>
public sealed class ODataResponse(HttpResponseMessage response, Stream body) : IODataResponseMessage
{
    public IEnumerable<KeyValuePair<string, string>> Headers =>
        response.Headers.Concat(response.Content.Headers).Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)));

    public int StatusCode
    {
        get => (int)response.StatusCode;
        set => throw new NotSupportedException();
    }

    public static async Task<ODataResponse> ReadAsync(HttpResponseMessage response) =>
        new(response, new MemoryStream(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)));

    public string? GetHeader(string headerName) => Headers.FirstOrDefault(h => h.Key.Equals(headerName, StringComparison.OrdinalIgnoreCase)).Value;

    public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException();

    public Stream GetStream() => body;
}
