using System.Net.Http.Headers;

namespace ContentHub.Api.Tests.Media;

/// <summary>Uploads as a client sends them: the raw body with its declared type, the name in fileName=.</summary>
public static class MediaHttp
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string declared, string fileName, bool chunked = false)
    {
        using HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(declared);
        return await client.PostAsync("/api/v1/media?fileName=" + Uri.EscapeDataString(fileName), content);
    }
}
