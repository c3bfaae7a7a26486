namespace ContentHub.Search;

/// <summary>A search that cannot be parsed, or has more terms than allowed; callers answer 400 with the message.</summary>
public sealed class SearchSyntaxException(string message, bool tooLong) : Exception(message)
{
    /// <summary>True when the search is well formed but exceeds <see cref="SearchExpression.MaxTerms"/>.</summary>
    public bool TooLong { get; } = tooLong;
}
