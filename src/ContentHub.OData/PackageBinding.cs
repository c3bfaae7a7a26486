namespace ContentHub.OData;

/// <summary>
/// How ContentHub runs the package's binders: the settings they get, and what they and the expression factories they
/// call throw for operands an operator or function is not defined for (adding strings, grouping by a collection),
/// turned into the client's 400 — or a 501 where the package says it does not implement the construct.
/// </summary>
public static class PackageBinding
{
    /// <summary>
    /// How the package's binders are run for EF Core: it evaluates in SQL, with SQL's nulls, so the package's
    /// null-propagating conditionals would only get in its way; constants become parameters.
    /// </summary>
    public static Microsoft.AspNetCore.OData.Query.ODataQuerySettings Settings { get; } =
        new() { HandleNullPropagation = Microsoft.AspNetCore.OData.Query.HandleNullPropagationOption.False, EnableConstantParameterization = true };

    /// <summary>Runs <paramref name="bind"/>, answering what it refuses as a 400 (or 501) naming <paramref name="option"/>.</summary>
    public static T Guard<T>(Func<T> bind, string option)
    {
        try
        {
            return bind();
        }
        catch (NotImplementedException unsupported)
        {
            throw ODataQueryException.NotImplemented(unsupported.Message.TrimEnd('.'));
        }
        catch (Exception invalid) when (invalid is InvalidOperationException or ArgumentException or NotSupportedException or FormatException or Microsoft.OData.ODataException)
        {
            throw new ODataQueryException(400, "BadRequest", $"The {option} cannot be evaluated: " + invalid.Message, option);
        }
    }
}
