namespace ContentHub.Domain.Translation;

/// <summary>Characters sent to the machine in one calendar month (UTC): what the province is billed for.</summary>
public sealed class TranslationUsage
{
    private TranslationUsage()
    {
    }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; private set; }

    public long Characters { get; private set; }

    public int Requests { get; private set; }

    public static DateOnly MonthOf(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);

    public static TranslationUsage Start(DateOnly month) => new() { Month = month };

    public void Add(long characters, int requests)
    {
        Characters += characters;
        Requests += requests;
    }
}
