namespace ContentHub.Api.Features.Search;

/// <summary>
/// <c>ContentHub.Api reindex [--all]</c>: brings the search index up to date in the foreground, with a
/// progress bar, and exits. Without <c>--all</c> only rows indexed by an older analysis are done (what an
/// interrupted run left, or an upgrade); with it, every row is marked stale first, so an interrupted
/// <c>--all</c> is finished by running <c>reindex</c> again.
/// </summary>
public static class ReindexCommand
{
    public const string Name = "reindex";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var unknown = options.Where(o => o != "--all").ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown option {unknown[0]}. Usage: reindex [--all]").ConfigureAwait(false);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var reindexer = scope.ServiceProvider.GetRequiredService<Reindexer>();
        if (options.Contains("--all"))
        {
            await reindexer.MarkAllStaleAsync(cancellationToken).ConfigureAwait(false);
        }

        var bar = new ProgressBar(Console.Error);
        var rows = await reindexer.RunAsync(bar, cancellationToken).ConfigureAwait(false);
        bar.Finish();
        await Console.Out.WriteLineAsync($"Re-indexed {rows:N0} rows.").ConfigureAwait(false);
        return 0;
    }

    // One line redrawn in place on a terminal; a line per tenth otherwise (logs, CI).
    private sealed class ProgressBar(TextWriter writer) : IProgress<Reindexer.Progress>
    {
        private const int Width = 30;
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private string? _table;
        private int _lastTenth = -1;

        public void Report(Reindexer.Progress value)
        {
            var fraction = value.Total == 0 ? 1 : (double)value.Done / value.Total;
            var filled = (int)(fraction * Width);
            var line = $"{value.Table,-18} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.Done:N0}/{value.Total:N0}";
            if (_terminal)
            {
                writer.Write((_table is not null && _table != value.Table ? "\n" : "\r") + line);
            }
            else if ((int)(fraction * 10) is var tenth && (tenth != _lastTenth || _table != value.Table))
            {
                writer.WriteLine(line);
                _lastTenth = tenth;
            }

            _table = value.Table;
        }

        public void Finish()
        {
            if (_terminal && _table is not null)
            {
                writer.WriteLine();
            }
        }
    }
}
