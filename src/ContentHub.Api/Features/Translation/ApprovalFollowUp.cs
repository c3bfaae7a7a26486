using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Translation;

/// <summary>
/// What an approval means for translation, in the approval's unit of work (the caller saves): an
/// approved translation goes into translation memory, and an approved source text queues machine
/// drafts of the languages set to be pre-filled.
/// </summary>
public sealed class ApprovalFollowUp(TranslationMemory memory, TranslationService translations)
{
    public async Task AfterApprovalAsync(ContentItem item, IEnumerable<ContentVariant> approved, string approver, CancellationToken cancellationToken)
    {
        foreach (var variant in approved)
        {
            if (variant.Language == item.SourceLanguage)
            {
                translations.PrefillAfterApproval(item);
            }
            else
            {
                await memory.LearnAsync(item, variant, approver, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
