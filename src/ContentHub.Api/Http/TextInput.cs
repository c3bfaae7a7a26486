using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace ContentHub.Api.Http;

/// <summary>
/// What text ContentHub accepts anywhere: no NUL or other C0 control character except tab, line feed
/// and carriage return, no DEL and no lone surrogate. PostgreSQL cannot store NUL in text, Npgsql
/// refuses a lone surrogate, and none of them belongs in content a portal shows, so they are refused
/// with the field named before the database sees them.
/// </summary>
public static class TextInput
{
    public const string Message = "Contains a control character (such as NUL) or an unpaired surrogate, which text may not hold.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            if (c == '\u007f')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The JSON paths (camelCase, as the client sent them) of every string in a request that is not clean.</summary>
    public static void Check(object? value, string path, FieldErrors errors)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!IsClean(text))
                {
                    errors.Add(path, Message);
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? string.Empty;
                    if (!IsClean(key))
                    {
                        errors.Add(path, Message);
                        continue;
                    }

                    Check(entry.Value, Join(path, key), errors);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var element in list)
                {
                    Check(element, $"{path}[{index++}]", errors);
                }

                return;
        }

        if (!IsRequestRecord(value.GetType()))
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), ReadableProperties))
        {
            Check(property.GetValue(value), Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name)), errors);
        }
    }

    /// <summary>Request records of ContentHub's own: the types whose strings come from clients.</summary>
    public static bool IsRequestRecord(Type type) =>
        type.Namespace?.StartsWith("ContentHub.", StringComparison.Ordinal) == true
        && type.GetMethod("<Clone>$") is not null;

    private static PropertyInfo[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
