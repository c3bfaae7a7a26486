namespace ContentHub.Api.Http;

/// <summary>Page number and size of a list; every list is bounded.</summary>
public static class PageRequest
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    public const int MaxPage = 10_000;

    public static (int Page, int Size) Check(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultSize;
        errors.Require(p is >= 1 and <= MaxPage, "page", $"From 1 to {MaxPage}.");
        errors.Require(s is >= 1 and <= MaxSize, "pageSize", $"From 1 to {MaxSize}.");
        return (p, s);
    }
}
