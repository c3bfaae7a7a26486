using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentHub.Testing;

/// <summary>A portal's webhook endpoint on loopback: records every request, and answers 500 to the first <see cref="FailFirst"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    private int _seen;

    public int FailFirst { get; set; }

    public string Url { get; private set; } = string.Empty;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Increment(ref _seen) <= FailFirst ? 500 : 200;
            Requests.Enqueue(new Received(body, new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), status));
            return Results.StatusCode(status);
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public sealed record Received(string Body, IHeaderDictionary Headers, int Status);
}
