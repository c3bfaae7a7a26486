namespace ContentHub.Api.Features.Portals;

/// <summary>The in-service cache of portal answers (section <c>AnswerCache</c>).</summary>
public sealed class AnswerCacheOptions
{
    public const string SectionName = "AnswerCache";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an answer is kept at most. Changes drop answers at once (on every instance, by NOTIFY);
    /// this bounds how stale one can be should a notification ever be lost.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Memory the cached answers may hold, in megabytes; the least recently used go first beyond it.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>Answers larger than this (a big sitemap) are not cached, in kilobytes.</summary>
    public int MaxAnswerKilobytes { get; set; } = 2048;
}
