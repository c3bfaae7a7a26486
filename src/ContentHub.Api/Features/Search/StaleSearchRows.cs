namespace ContentHub.Api.Features.Search;

/// <summary>Wakes <see cref="SearchBackgroundIndexer"/> when a save has left rows stale in this process.</summary>
public sealed class StaleSearchRows : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one run picks up every stale row.
        }
    }

    /// <summary>Waits until notified or the timeout passes (other instances' stale rows are found by the timeout).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
