namespace ContentHub.Api.Http;

/// <summary>Collects validation messages per field (JSON path, camelCase) for a 400 problem.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds the message when the condition is false; returns the condition.</summary>
    public bool Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return condition;
    }

    /// <summary>The errors as the outcome of an operation that returns <typeparamref name="T"/> on success.</summary>
    public Outcome<T> ToOutcome<T>() => new Outcome<T>.Invalid(ToDictionary());

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
