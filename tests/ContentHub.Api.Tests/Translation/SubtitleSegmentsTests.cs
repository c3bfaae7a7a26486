using System.Text;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Translation;
using ContentHub.Domain.Translation;

namespace ContentHub.Api.Tests.Translation;

/// <summary>
/// A subtitle track goes to translators as one segment per cue (tags, line breaks and numbers as
/// codes) and comes back as the same track: header, notes, identifiers, timings and settings
/// unchanged, only the cues' text translated, and always a well-formed WebVTT file.
/// </summary>
public sealed class SubtitleSegmentsTests
{
    private const string Track =
        "WEBVTT - phụ đề\nKind: captions\n\nNOTE bản gốc\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Người dẫn>Chào mừng đến <i>Bắc Giang</i>\n\n"
        + "00:04.500 --> 00:08.000 line:90%\nNăm 2026 có 3 lễ hội &amp; hội chợ\nở Lục Ngạn\n\n00:08.000 --> 00:09.000\n\n00:09.000 --> 00:10.000\n<i></i>\n";

    [Fact]
    public void Each_cue_with_words_is_a_segment_with_its_tags_breaks_and_numbers_as_codes()
    {
        var segments = SubtitleSegments.Parse(Track).Segments;

        Assert.Equal(["subtitles/0", "subtitles/1"], segments.Select(s => s.Id));
        Assert.Equal("{1/}Chào mừng đến {2/}Bắc Giang{3/}", segments[0].Text.Canonical);
        Assert.Equal(["<v Người dẫn>", "<i>", "</i>"], segments[0].Codes.Select(c => c.Before));
        Assert.Equal("Năm {1/} có {2/} lễ hội & hội chợ{3/}ở Lục Ngạn", segments[1].Text.Canonical);
        Assert.Equal([CodeKind.Number, CodeKind.Number, CodeKind.LineBreak], segments[1].Codes.Select(c => c.Kind));
    }

    [Fact]
    public void The_translated_track_keeps_everything_but_the_cue_text()
    {
        var track = SubtitleSegments.Parse(Track);
        var translations = new Dictionary<string, TaggedText>
        {
            ["subtitles/0"] = TaggedText.FromCanonical("{1/}Welcome to {2/}Bac Giang{3/}")!,
            ["subtitles/1"] = TaggedText.FromCanonical("In {1/} there are {2/} festivals & fairs{3/}in Luc Ngan")!,
        };

        var translated = track.Translate(translations);

        Assert.Equal(
            "WEBVTT - phụ đề\nKind: captions\n\nNOTE bản gốc\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Người dẫn>Welcome to <i>Bac Giang</i>\n\n"
            + "00:04.500 --> 00:08.000 line:90%\nIn 2026 there are 3 festivals &amp; fairs\nin Luc Ngan\n\n00:08.000 --> 00:09.000\n\n00:09.000 --> 00:10.000\n<i></i>\n\n",
            translated);
        Assert.Null(WebVtt.FirstError(Encoding.UTF8.GetBytes(translated)));
        Assert.Equal(Track + "\n", track.Translate(new Dictionary<string, TaggedText>()));
    }

    [Fact]
    public void No_translation_can_break_the_file_or_move_a_timing()
    {
        // Generated tracks and hostile translations (arrows, blank lines, tags, entities); the generator
        // knows its timings, and the check is the upload's own WebVTT check. (No text piece is digits
        // alone: read again, those would be number codes and the cue would have no words.)
        var random = new Random(6106);
        string[] pieces = ["-->", "\n\n", "\n", "<b>", "&", "&amp;", "<", ">", "NOTE", "WEBVTT", " ", "chữ", "字", "00:00:01.000 --> 00:00:02.000"];
        for (var round = 0; round < 300; round++)
        {
            var cues = random.Next(1, 8);
            var source = new StringBuilder("WEBVTT\n\n");
            var timings = new List<string>();
            for (var cue = 0; cue < cues; cue++)
            {
                var timing = $"00:{cue:00}:00.000 --> 00:{cue:00}:01.500";
                timings.Add(timing);
                source.Append(timing).Append('\n').Append(random.Next(3) == 0 ? "<i>câu " : "câu ").Append(cue).Append(" một\ndòng hai\n\n");
            }

            Assert.Null(WebVtt.FirstError(Encoding.UTF8.GetBytes(source.ToString())));
            var track = SubtitleSegments.Parse(source.ToString());
            Assert.Equal(cues, track.Segments.Count);
            var translations = track.Segments.ToDictionary(s => s.Id, s => Hostile(s, random, pieces));

            var translated = track.Translate(translations);

            Assert.True(WebVtt.FirstError(Encoding.UTF8.GetBytes(translated)) is null, $"Round {round}: {WebVtt.FirstError(Encoding.UTF8.GetBytes(translated))}\n{translated}");
            Assert.Equal(timings, translated.Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal)));
            // Read again, the translated track has a segment for every cue translated into words.
            Assert.Equal(translations.Values.Count(t => !string.IsNullOrWhiteSpace(t.PlainText)), SubtitleSegments.Parse(translated).Segments.Count);
        }
    }

    // The segment's codes kept in order, with random text around them.
    private static TaggedText Hostile(Segment segment, Random random, string[] pieces)
    {
        var runs = new List<Run>();
        foreach (var code in segment.Codes)
        {
            runs.Add(new Run.Text(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]))));
            runs.Add(new Run.Standalone(code.Id));
        }

        runs.Add(new Run.Text(pieces[random.Next(pieces.Length)]));
        return new TaggedText(runs);
    }
}
