using ContentHub.Api.Http;
using ContentHub.Domain.Content;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;
using ContentHub.Domain.Workflow;

namespace ContentHub.Api.Features.Content;

/// <summary>
/// Who may act on which item: editors and reviewers on their own unit's content, leads and admins on
/// every unit's, translators on the variants in their languages (never the source text).
/// </summary>
public sealed class ItemAccess(CurrentUser user)
{
    public bool CanCreateIn(Guid orgUnitId) => user.Has(Role.Admin) || (user.Has(Role.Editor) && user.WorksFor(orgUnitId));

    public bool CanEdit(ContentItem item) => CanCreateIn(item.OrgUnitId);

    public bool CanWrite(ContentItem item, LanguageTag language) =>
        CanEdit(item) || (user.Has(Role.Translator) && language != item.SourceLanguage && user.Languages.Contains(language));

    /// <summary>True when the table lets the person's roles take the step and the item is within their reach.</summary>
    public bool CanTake(Transition transition, ContentItem item) =>
        WorkflowTable.Permits(transition, user.Roles) && (user.Has(Role.Admin) || user.Has(Role.Lead) || user.WorksFor(item.OrgUnitId));

    public string Name => user.Name;
}
