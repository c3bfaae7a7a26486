using ContentHub.Api.Features.Revisions;
using ContentHub.Domain.Revisions;

namespace ContentHub.Api.Tests.Revisions;

public sealed class DiffTests
{
    [Fact]
    public void A_line_diff_marks_removed_and_added_lines_around_unchanged_ones()
    {
        var diff = LineDiff.Compare("a\nb\nc\nd", "a\nx\nc\nd\ne");

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Unchanged, "a"),
                new DiffLine(DiffLineKind.Removed, "b"),
                new DiffLine(DiffLineKind.Added, "x"),
                new DiffLine(DiffLineKind.Unchanged, "c"),
                new DiffLine(DiffLineKind.Unchanged, "d"),
                new DiffLine(DiffLineKind.Added, "e"),
            ],
            diff);
    }

    [Fact]
    public void Identical_and_empty_texts_diff_as_expected()
    {
        Assert.All(LineDiff.Compare("a\nb", "a\r\nb"), line => Assert.Equal(DiffLineKind.Unchanged, line.Kind));
        Assert.Empty(LineDiff.Compare(string.Empty, string.Empty));
        Assert.Equal([new DiffLine(DiffLineKind.Added, "new")], LineDiff.Compare(string.Empty, "new"));
    }

    [Fact]
    public void Huge_rewrites_are_bounded_and_still_complete()
    {
        var from = string.Join('\n', Enumerable.Range(0, 30_000).Select(i => "old " + i));
        var to = string.Join('\n', Enumerable.Range(0, 30_000).Select(i => "new " + i));

        var diff = LineDiff.Compare(from, to);

        Assert.Equal(30_000, diff.Count(l => l.Kind == DiffLineKind.Removed));
        Assert.Equal(30_000, diff.Count(l => l.Kind == DiffLineKind.Added));
    }

    [Fact]
    public void A_few_changes_in_a_long_body_are_a_few_changed_lines()
    {
        // The LCS this replaced gave up beyond a million line pairs and showed 3,000 removed and added lines.
        var lines = Enumerable.Range(0, 3000).Select(i => $"Dòng {i}: Bắc Giang thu hút đầu tư.").ToList();
        var changed = lines.ToList();
        changed[10] = "Sửa dòng mười";
        changed[2500] = "Sửa dòng hai nghìn năm trăm";
        changed.Insert(1500, "Dòng thêm");

        var diff = LineDiff.Compare(string.Join('\n', lines), string.Join('\n', changed));

        Assert.Equal(["Sửa dòng mười", "Dòng thêm", "Sửa dòng hai nghìn năm trăm"], diff.Where(l => l.Kind == DiffLineKind.Added).Select(l => l.Text));
        Assert.Equal([lines[10], lines[2500]], diff.Where(l => l.Kind == DiffLineKind.Removed).Select(l => l.Text));
        Assert.Equal(string.Join('\n', changed), string.Join('\n', diff.Where(l => l.Kind != DiffLineKind.Removed).Select(l => l.Text)));
    }

    /// <summary>Differential: for random edits, the diff rebuilds both texts exactly (old without added lines, new without removed ones).</summary>
    [Fact]
    public void Random_edits_diff_into_lines_that_rebuild_both_texts()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 300; round++)
        {
            var from = Enumerable.Range(0, random.Next(0, 60)).Select(_ => ((char)('a' + random.Next(6))).ToString()).ToList();
            var to = from.ToList();
            for (var edit = random.Next(0, 8); edit > 0; edit--)
            {
                var at = random.Next(to.Count + 1);
                switch (random.Next(3))
                {
                    case 0: to.Insert(at, "\r" + random.Next(9)); break;
                    case 1 when to.Count > 0: to.RemoveAt(Math.Min(at, to.Count - 1)); break;
                    default: if (to.Count > 0) { to[Math.Min(at, to.Count - 1)] = "x" + random.Next(9); } break;
                }
            }

            var diff = LineDiff.Compare(string.Join('\n', from), string.Join('\n', to));

            Assert.Equal(from, diff.Where(l => l.Kind != DiffLineKind.Added).Select(l => l.Text));
            Assert.Equal(to, diff.Where(l => l.Kind != DiffLineKind.Removed).Select(l => l.Text));
        }
    }

    [Fact]
    public void Snapshot_diff_names_changed_fields_by_path()
    {
        var changes = SnapshotDiff.Fields(
            """{"title":"A","tags":["x"],"video":{"durationSeconds":10,"videoUrl":"https://a"},"summary":null}""",
            """{"title":"B","tags":["x"],"video":{"durationSeconds":12,"videoUrl":"https://a"},"summary":"new"}""");

        Assert.Equal(
            [
                new FieldChange("summary", null, "new"),
                new FieldChange("title", "A", "B"),
                new FieldChange("video.durationSeconds", "10", "12"),
            ],
            changes);
    }
}
