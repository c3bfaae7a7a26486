namespace ContentHub.OData;

/// <summary>Holds a query constant so that the expression reads it from a closure, which EF Core sends as a SQL parameter.</summary>
/// <typeparam name="TValue">The constant's type.</typeparam>
/// <param name="Value">The constant.</param>
internal sealed record ConstantHolder<TValue>(TValue Value);
