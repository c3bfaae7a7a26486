using System.Reflection;

namespace ContentHub.Api.Http;

/// <summary>
/// Refuses, on every endpoint, a request record or string argument holding text that <see cref="TextInput"/>
/// does not accept (400 with the fields), before the handler runs. An endpoint that must record the
/// refusal itself (signing in is audited) opts out with <see cref="ChecksItsOwnTextAttribute"/> and calls
/// <see cref="TextInput.Check"/>.
/// </summary>
public static class TextInputFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        if (context.MethodInfo.GetCustomAttribute<ChecksItsOwnTextAttribute>() is not null)
        {
            return next;
        }

        var checkedArguments = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => p.parameter.ParameterType == typeof(string) || TextInput.IsRequestRecord(p.parameter.ParameterType))
            .ToArray();
        if (checkedArguments.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var errors = new FieldErrors();
            foreach (var (parameter, index) in checkedArguments)
            {
                // A body record's fields are named from its root, as the client wrote them; a route or query string by its name.
                var root = parameter.ParameterType == typeof(string) ? parameter.Name ?? string.Empty : string.Empty;
                TextInput.Check(invocation.Arguments[index], root, errors);
            }

            return errors.Any ? ValueTask.FromResult<object?>(Problems.Validation(errors.ToDictionary())) : next(invocation);
        };
    }
}

/// <summary>On a handler: it checks its text with <see cref="TextInput"/> itself.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChecksItsOwnTextAttribute : Attribute;
