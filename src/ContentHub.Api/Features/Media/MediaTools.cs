using System.ComponentModel;
using System.Diagnostics;

namespace ContentHub.Api.Features.Media;

/// <summary>Runs ffmpeg's tools (ffprobe, ffmpeg) with arguments passed as a list (no shell), bounded in time.</summary>
public static class MediaTools
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The exit code and standard output; null when the tool is not installed.</summary>
    public static async Task<(int ExitCode, string Output)?> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bounded.CancelAfter(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(bounded.Token);
            var errors = process.StandardError.ReadToEndAsync(bounded.Token);
            try
            {
                await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
                await errors.ConfigureAwait(false);
                return (process.ExitCode, await output.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }
}
