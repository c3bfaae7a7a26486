namespace ContentHub.Api.Features.Content;

/// <summary>What the editorial features share about an item: who may act on it, loading and saving it, writing a variant.</summary>
public sealed class ContentFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ItemAccess>();
        services.AddScoped<ItemStore>();
        services.AddScoped<SlugAllocator>();
        services.AddScoped<VariantWriter>();
        services.AddScoped<ReviewReopening>();
    }
}
