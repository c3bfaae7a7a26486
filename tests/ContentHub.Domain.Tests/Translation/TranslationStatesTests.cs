using ContentHub.Domain.Translation;
using ContentHub.Domain.Workflow;

namespace ContentHub.Domain.Tests.Translation;

/// <summary>A language's state follows from its facts, and never contradicts its approvals.</summary>
public sealed class TranslationStatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly VariantTranslation Machine = new(10, "source-a", TranslationOrigin.Machine, "azure-translator/general", Now, null);

    [Fact]
    public void Each_state_comes_from_its_facts()
    {
        Assert.Equal(TranslationState.Missing, TranslationStates.Derive(false, "source-a", null, null));
        Assert.Equal(TranslationState.MachineTranslated, TranslationStates.Derive(false, "source-a", new(null, null, Machine), 11));
        Assert.Equal(TranslationState.InTranslation, TranslationStates.Derive(false, "source-a", new(null, null, Machine.WrittenBy("lan", 10, "source-a")), 12));
        Assert.Equal(TranslationState.InReview, TranslationStates.Derive(false, "source-a", new(null, null, Machine with { Stage = TranslationStage.InReview }), 11));
        Assert.Equal(TranslationState.Approved, TranslationStates.Derive(false, "source-a", new(new Approval(11, "mai", Now), null, Machine), 11));
        Assert.Equal(TranslationState.Outdated, TranslationStates.Derive(false, "source-b", new(new Approval(11, "mai", Now), null, Machine), 11));
    }

    [Fact]
    public void Approved_means_the_current_text_is_approved_and_signed_off_when_sensitive()
    {
        var approvedEarlier = new VariantFacts(new Approval(11, "mai", Now), null, Machine.WrittenBy("lan", 10, "source-a"));

        Assert.Equal(TranslationState.InTranslation, TranslationStates.Derive(false, "source-a", approvedEarlier, 12));
        Assert.Equal(TranslationState.InReview, TranslationStates.Derive(true, "source-a", approvedEarlier, 11));
        Assert.Equal(TranslationState.Approved, TranslationStates.Derive(true, "source-a", approvedEarlier with { SignOff = new Approval(11, "hung", Now) }, 11));
    }

    [Fact]
    public void A_person_writing_a_machine_draft_makes_it_post_edited_and_takes_it_out_of_review()
    {
        var written = (Machine with { Stage = TranslationStage.InReview }).WrittenBy("lan", 14, "source-b");

        Assert.Equal(TranslationOrigin.PostEdited, written.Origin);
        Assert.Equal(TranslationStage.Draft, written.Stage);
        Assert.Equal(("lan", 14L, "source-b"), (written.TranslatedBy, written.SourceRevisionId!.Value, written.SourceFingerprint));
    }
}
