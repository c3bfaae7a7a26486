using ContentHub.Api.Http;
using ContentHub.Data;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// Works through the translation queue: woken at once when a job is queued in this instance, and
/// every <see cref="TranslatorOptions.PollInterval"/> for jobs queued by others or left by a dead worker.
/// </summary>
public sealed partial class MachineTranslationWorker(
    IServiceScopeFactory scopes, IOptions<TranslatorOptions> options, TranslationSignal signal, DatabaseOutage outage, ILogger<MachineTranslationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken).ConfigureAwait(false))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && DatabaseUnavailable.Is(exception))
            {
                outage.Noticed(exception);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailure(logger, exception);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Claims and runs one job; false when the queue was empty.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        long? jobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            jobId = await scope.ServiceProvider.GetRequiredService<TranslationJobClaims>().ClaimAsync(stoppingToken).ConfigureAwait(false);
        }

        if (jobId is not { } id)
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MachineDrafts>().RunAsync(id, stoppingToken).ConfigureAwait(false);
        }
        catch (MachineTranslationException exception)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TranslationJobClaims>().GiveBackAsync(id, exception.Message, exception.MayPass, stoppingToken).ConfigureAwait(false);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Machine translation worker failed; trying again at the next tick")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}

/// <summary>Wakes the worker when a job is queued in this instance.</summary>
public sealed class TranslationSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0);

    public void Dispose() => _queued.Dispose();

    public void Queued()
    {
        if (_queued.CurrentCount == 0)
        {
            _queued.Release();
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _queued.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
