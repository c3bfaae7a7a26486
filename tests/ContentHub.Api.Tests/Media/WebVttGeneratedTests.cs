using System.Globalization;
using System.Text;
using ContentHub.Api.Features.Media;

namespace ContentHub.Api.Tests.Media;

/// <summary>
/// The WebVTT check against files generated from a fixed seed: every well-formed file (random cues,
/// identifiers, settings, notes, hours or not) passes, and one broken timing line put anywhere is
/// reported at exactly its line — the generator knows where it put it, independently of the checker.
/// </summary>
public sealed class WebVttGeneratedTests
{
    [Fact]
    public void Generated_files_pass_and_a_planted_error_is_found_at_its_line()
    {
        var random = new Random(1202);
        for (var round = 0; round < 300; round++)
        {
            var (lines, timingLines) = Generate(random);
            Assert.Null(WebVtt.FirstError(Encoding.UTF8.GetBytes(string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines))));

            // Break one cue's timing: the end before the start, a 60 in the minutes, or a missing arrow.
            var broken = timingLines[random.Next(timingLines.Count)];
            var mangled = lines.ToArray();
            var kind = random.Next(3);
            mangled[broken] = kind switch
            {
                0 => "00:00:09.000 --> 00:00:01.000",
                1 => "00:60:01.000 --> 00:60:02.000",
                _ => mangled[broken].Replace("-->", "->", StringComparison.Ordinal),
            };
            var error = WebVtt.FirstError(Encoding.UTF8.GetBytes(string.Join("\n", mangled)));
            Assert.NotNull(error);
            // Without its arrow the line is no timing line: the cue then has none, and the cue's first line is
            // named (its identifier when it has one, else the line itself, read as an identifier).
            var hasIdentifier = mangled[broken - 1].Length > 0;
            var expected = kind == 2 && hasIdentifier ? broken : broken + 1;
            Assert.True(error.Value.Line == expected, $"Round {round}: error at line {error.Value.Line}, expected {expected}: {error.Value.Message}");
        }
    }

    // A valid file; also which lines are timing lines (0-based).
    private static (List<string> Lines, List<int> Timings) Generate(Random random)
    {
        var lines = new List<string> { random.Next(2) == 0 ? "WEBVTT" : "WEBVTT - phụ đề" };
        if (random.Next(3) == 0)
        {
            lines.Add("Kind: captions");
        }

        var timings = new List<int>();
        var at = TimeSpan.FromMilliseconds(random.Next(0, 2000));
        var withHours = random.Next(2) == 0;
        for (var cue = 0; cue < random.Next(1, 12); cue++)
        {
            lines.Add(string.Empty);
            if (random.Next(5) == 0)
            {
                lines.Add("NOTE ghi chú " + cue);
                lines.Add(string.Empty);
            }

            if (random.Next(2) == 0)
            {
                lines.Add(random.Next(2) == 0 ? (cue + 1).ToString(CultureInfo.InvariantCulture) : "cue-" + cue);
            }

            var end = at + TimeSpan.FromMilliseconds(random.Next(1, 5000));
            timings.Add(lines.Count);
            lines.Add($"{Time(at, withHours)} --> {Time(end, withHours)}" + (random.Next(3) == 0 ? " line:90% align:center" : string.Empty));
            for (var text = 0; text < random.Next(1, 4); text++)
            {
                lines.Add(random.Next(2) == 0 ? "Chào mừng đến Bắc Giang" : "<i>Welcome</i> – 欢迎");
            }

            at = end + TimeSpan.FromMilliseconds(random.Next(0, 1000));
        }

        return (lines, timings);
    }

    private static string Time(TimeSpan at, bool withHours) => withHours
        ? $"{(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00}.{at.Milliseconds:000}"
        : $"{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds:000}";
}
