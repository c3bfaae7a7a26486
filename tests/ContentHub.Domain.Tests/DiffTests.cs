using ContentHub.Domain.Revisions;

namespace ContentHub.Domain.Tests;

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
        var from = string.Join('\n', Enumerable.Range(0, 3000).Select(i => "old " + i));
        var to = string.Join('\n', Enumerable.Range(0, 3000).Select(i => "new " + i));

        var diff = LineDiff.Compare(from, to);

        Assert.Equal(3000, diff.Count(l => l.Kind == DiffLineKind.Removed));
        Assert.Equal(3000, diff.Count(l => l.Kind == DiffLineKind.Added));
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
