using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentHub.Benchmarks;

/// <summary>Runs wrk (-t2 -c32, with latency) and reads requests per second and the 50th and 99th percentile latencies from its report.</summary>
public static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, string Report);

    public static async Task<Result> RunAsync(string url, TimeSpan duration, string? apiKey = null, string? header = null)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", "-c32", $"-d{(int)duration.TotalSeconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        if (apiKey is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("X-Api-Key: " + apiKey);
        }

        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; install it (apt-get install wrk).");
        var report = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (report.Contains("Non-2xx or 3xx responses", StringComparison.Ordinal))
        {
            // Errors are fast; counting them would flatter the figures.
            throw new InvalidOperationException("Some responses were errors:\n" + report);
        }

        return new Result(
            double.Parse(RequestsPerSecond().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Percentile(50).Match(report)),
            Milliseconds(Percentile(99).Match(report)),
            report);
    }

    private static Regex Percentile(int percent) => new($@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();
}
