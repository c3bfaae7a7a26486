using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using static ContentHub.Domain.Content.EditorialState;
using static ContentHub.Domain.People.Role;

namespace ContentHub.Domain.Workflow;

/// <summary>
/// The editorial workflow as one table. Handlers never decide transitions themselves: they look the
/// step up here, so the rules are in one place, readable and tested row by row.
/// </summary>
public static class WorkflowTable
{
    public static IReadOnlyList<Transition> Transitions { get; } =
    [
        new(WorkflowAction.Submit, [Draft], InReview, [Editor]),
        new(WorkflowAction.Approve, [InReview], Approved, [Reviewer]),
        new(WorkflowAction.Return, [InReview, Approved, Scheduled], Draft, [Reviewer, Lead], ReasonRequired: true),
        new(WorkflowAction.SignOff, [EditorialState.Approved], EditorialState.Approved, [Lead]),
        new(WorkflowAction.Publish, [Approved], Published, [Editor, Reviewer, Lead], NeedsReadyContent: true),
        new(WorkflowAction.Schedule, [Approved], Scheduled, [Editor, Reviewer, Lead], NeedsReadyContent: true),
        new(WorkflowAction.Unschedule, [Scheduled], EditorialState.Approved, [Editor, Reviewer, Lead]),
        new(WorkflowAction.Unpublish, [Published], Unpublished, [Editor, Reviewer, Lead]),
        new(WorkflowAction.Republish, [Unpublished], Published, [Editor, Reviewer, Lead], NeedsReadyContent: true),
        new(WorkflowAction.Reopen, [Unpublished, Archived], Draft, [Editor]),
        new(WorkflowAction.Archive, [Draft, EditorialState.Approved, Unpublished], Archived, [Editor]),
    ];

    /// <summary>The row for an action taken from a state, or null when the action is not allowed there.</summary>
    public static Transition? Find(WorkflowAction action, EditorialState from) =>
        Transitions.FirstOrDefault(t => t.Action == action && t.From.Contains(from));

    /// <summary>The actions the table allows from a state, whoever takes them.</summary>
    public static IReadOnlyList<WorkflowAction> ActionsFrom(EditorialState state) =>
        Transitions.Where(t => t.From.Contains(state)).Select(t => t.Action).ToList();

    /// <summary>True when someone with these roles may take the step (admins may take every step).</summary>
    public static bool Permits(Transition transition, IReadOnlyCollection<Role> roles) =>
        roles.Contains(Admin) || transition.Roles.Any(roles.Contains);
}
