using System.Text.Json;

namespace ContentHub.Api.Tests.Search;

/// <summary>
/// A labelled search test set written for this project (Labelled/*.json): documents in one language and
/// queries, each with the documents it must find (and, for queries that must not match across a word
/// boundary or against word order, the documents it must not find).
/// </summary>
public sealed record LabelledSet(string Language, IReadOnlyList<LabelledDocument> Documents, IReadOnlyList<LabelledQuery> Queries)
{
    public static readonly string[] Languages = ["vi", "en", "zh-Hans", "ko", "ja", "lo"];

    /// <summary>The languages, for theories.</summary>
    public static TheoryData<string> LanguageData => new(Languages);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LabelledSet Load(string language) =>
        JsonSerializer.Deserialize<LabelledSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "Labelled", language + ".json")), Json)!;
}

public sealed record LabelledDocument(string Key, string Title, string Body);

public sealed record LabelledQuery(string Q, IReadOnlyList<string> Expect, IReadOnlyList<string>? Absent = null, string? Note = null);
