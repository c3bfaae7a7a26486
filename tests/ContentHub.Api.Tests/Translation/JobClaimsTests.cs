using ContentHub.Api.Features.Translation;
using ContentHub.Domain.Languages;
using ContentHub.Domain.Translation;
using ContentHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Api.Tests.Translation;

/// <summary>The database is the queue: workers racing for jobs never take the same one, and a dead worker's job is taken again.</summary>
public sealed class JobClaimsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Racing_workers_each_claim_a_different_job_and_a_lapsed_claim_is_claimed_again()
    {
        var item = await api.Given.ArticleAsync();
        await using (var db = api.CreateDbContext())
        {
            // Only this test's jobs: the fixture's worker is off and nothing else queues here.
            await db.TranslationJobs.ExecuteDeleteAsync();
            for (var i = 0; i < 8; i++)
            {
                db.TranslationJobs.Add(TranslationJob.For(item.Id, [LanguageTag.English], "test", DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var scope = api.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TranslationJobClaims>().ClaimAsync(CancellationToken.None);
        }));

        var claimed = claims.OfType<long>().ToList();
        Assert.Equal(8, claimed.Count);
        Assert.Equal(8, claimed.Distinct().Count());

        // A worker that died left its job running; once the claim lapses another worker takes it.
        await using (var db = api.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE translation_jobs SET claimed_until = now() - interval '1 minute' WHERE id = {0}", claimed[0]);
        }

        await using var again = api.Factory.Services.CreateAsyncScope();
        Assert.Equal(claimed[0], await again.ServiceProvider.GetRequiredService<TranslationJobClaims>().ClaimAsync(CancellationToken.None));
        await using (var db = api.CreateDbContext())
        {
            Assert.Equal(2, (await db.TranslationJobs.SingleAsync(j => j.Id == claimed[0])).Attempts);
        }
    }
}
