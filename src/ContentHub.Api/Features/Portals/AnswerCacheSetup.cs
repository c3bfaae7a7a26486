using ContentHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Portals;

public static class AnswerCacheSetup
{
    /// <summary>
    /// HybridCache over a size-bounded memory cache (each answer counted by its bytes), with no second
    /// level: answers are cheap to make again, and a shared cache would need invalidation of its own.
    /// The memory cache is the service's only one, so every entry in it must give its size.
    /// </summary>
    public static IServiceCollection AddPortalAnswerCache(this IServiceCollection services)
    {
        services.AddOptions<AnswerCacheOptions>().BindConfiguration(AnswerCacheOptions.SectionName)
            .Validate(o => o.MaxAge > TimeSpan.Zero && o.SizeLimitMegabytes > 0 && o.MaxAnswerKilobytes > 0, "AnswerCache: MaxAge, SizeLimitMegabytes and MaxAnswerKilobytes must be positive.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<AnswerCacheOptions>>((memory, answers) =>
        {
            memory.SizeLimit = answers.Value.SizeLimitMegabytes * 1024L * 1024L;
            memory.TrackStatistics = true;
        });
        services.AddHybridCache().AddSerializer<CachedAnswer, CachedAnswer.Serializer>();
        services.AddOptions<Microsoft.Extensions.Caching.Hybrid.HybridCacheOptions>().Configure<IOptions<AnswerCacheOptions>>((hybrid, answers) =>
            hybrid.MaximumPayloadBytes = answers.Value.MaxAnswerKilobytes * 1024L);
        services.AddSingleton<PortalAnswerCache>();
        services.AddSingleton<AnswerChangeSignal>();
        services.ConfigureDbContext<ContentHubDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<AnswerChangeSignal>()));
        return services;
    }
}
