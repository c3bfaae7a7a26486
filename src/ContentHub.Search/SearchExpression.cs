namespace ContentHub.Search;

/// <summary>
/// A parsed search, in the syntax of OData's <c>$search</c> (OData 4.01 Part 2, §5.1.7): words and "quoted phrases" joined by AND
/// (also by plain whitespace), OR and NOT, with parentheses; AND binds tighter than OR. Parsed here
/// rather than by ODataUriParser, whose lexer refuses combining marks (Lao vowels and tone marks,
/// Vietnamese typed decomposed) as "not valid": a word is any run of characters that are not
/// whitespace, quotes or parentheses.
/// </summary>
public abstract record SearchExpression
{
    /// <summary>Most terms in one $search; more are a 400.</summary>
    public const int MaxTerms = 20;

    private SearchExpression()
    {
    }

    /// <summary>A word or phrase that must occur.</summary>
    /// <param name="Text">The word, or the phrase without its quotes.</param>
    public sealed record Term(string Text) : SearchExpression;

    /// <summary>Both must match (AND, or whitespace).</summary>
    /// <param name="Left">The first operand.</param>
    /// <param name="Right">The second operand.</param>
    public sealed record Both(SearchExpression Left, SearchExpression Right) : SearchExpression;

    /// <summary>Either may match (OR).</summary>
    /// <param name="Left">The first operand.</param>
    /// <param name="Right">The second operand.</param>
    public sealed record Either(SearchExpression Left, SearchExpression Right) : SearchExpression;

    /// <summary>Must not match (NOT).</summary>
    /// <param name="Operand">What must not match.</param>
    public sealed record Negated(SearchExpression Operand) : SearchExpression;

    /// <summary>Parses a search; a <see cref="SearchSyntaxException"/> when it is not one.</summary>
    public static SearchExpression Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count(t => t.Kind == TokenKind.Term) > MaxTerms)
        {
            throw new SearchSyntaxException($"At most {MaxTerms} search terms are allowed.", tooLong: true);
        }

        var position = 0;
        var expression = ParseOr(tokens, ref position);
        return position == tokens.Count ? expression : throw Invalid($"unexpected '{tokens[position].Text}'");
    }

    private static SearchExpression ParseOr(List<Token> tokens, ref int position)
    {
        var left = ParseAnd(tokens, ref position);
        while (position < tokens.Count && tokens[position].Kind == TokenKind.Or)
        {
            position++;
            left = new Either(left, ParseAnd(tokens, ref position));
        }

        return left;
    }

    private static SearchExpression ParseAnd(List<Token> tokens, ref int position)
    {
        var left = ParseUnary(tokens, ref position);
        while (position < tokens.Count && tokens[position].Kind is TokenKind.And or TokenKind.Not or TokenKind.Term or TokenKind.Open)
        {
            if (tokens[position].Kind == TokenKind.And)
            {
                position++;
            }

            left = new Both(left, ParseUnary(tokens, ref position));
        }

        return left;
    }

    private static SearchExpression ParseUnary(List<Token> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw Invalid("a search term is missing");
        }

        var token = tokens[position++];
        switch (token.Kind)
        {
            case TokenKind.Not:
                return new Negated(ParseUnary(tokens, ref position));
            case TokenKind.Term:
                return new Term(token.Text);
            case TokenKind.Open:
                var inner = ParseOr(tokens, ref position);
                if (position >= tokens.Count || tokens[position].Kind != TokenKind.Close)
                {
                    throw Invalid("a ')' is missing");
                }

                position++;
                return inner;
            default:
                throw Invalid($"unexpected '{token.Text}'");
        }
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString()));
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw Invalid("a phrase's closing '\"' is missing");
                }

                var phrase = text[(i + 1)..end];
                if (phrase.Trim().Length == 0)
                {
                    throw Invalid("a phrase is empty");
                }

                tokens.Add(new Token(TokenKind.Term, phrase));
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(word switch { "AND" => TokenKind.And, "OR" => TokenKind.Or, "NOT" => TokenKind.Not, _ => TokenKind.Term }, word));
            }
        }

        return tokens.Count > 0 ? tokens : throw Invalid("it is empty");
    }

    private static SearchSyntaxException Invalid(string why) => new($"The search is not valid: {why}.", tooLong: false);

    private enum TokenKind
    {
        Term,
        And,
        Or,
        Not,
        Open,
        Close,
    }

    private sealed record Token(TokenKind Kind, string Text);
}
