using Microsoft.OData;

namespace ContentHub.OData;

/// <summary>
/// An OData response message written to memory. The OData writer is synchronous, and ASP.NET Core
/// refuses synchronous writes to the network; responses are bounded by paging, so buffering is cheap.
/// </summary>
/// <param name="capacity">The bytes to reserve, so that a page of entries does not grow the buffer a dozen times.</param>
public sealed class BufferedResponseMessage(int capacity = 0) : IODataResponseMessage, IDisposable
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the writer wrote.</summary>
    public MemoryStream Body { get; } = new(capacity);

    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;

    /// <inheritdoc/>
    public int StatusCode { get; set; } = 200;

    /// <inheritdoc/>
    public string? GetHeader(string headerName) => _headers.GetValueOrDefault(headerName);

    /// <inheritdoc/>
    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

    /// <inheritdoc/>
    public Stream GetStream() => Body;

    /// <inheritdoc/>
    public void Dispose() => Body.Dispose();
}
