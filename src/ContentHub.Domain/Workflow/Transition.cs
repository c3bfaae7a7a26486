using ContentHub.Domain.Content;
using ContentHub.Domain.People;

namespace ContentHub.Domain.Workflow;

/// <summary>One row of the workflow table: from which states an action leads where, and who may take it.</summary>
/// <param name="Action">The step.</param>
/// <param name="From">The states it can be taken from.</param>
/// <param name="To">The state it leads to.</param>
/// <param name="Roles">Who may take it (admins always may).</param>
/// <param name="ReasonRequired">True when the person must say why (returning an item to its author).</param>
/// <param name="NeedsReadyContent">True when the approvals (and sign-offs of sensitive content) must cover the current content.</param>
public sealed record Transition(WorkflowAction Action, IReadOnlyList<EditorialState> From, EditorialState To, IReadOnlyList<Role> Roles, bool ReasonRequired = false, bool NeedsReadyContent = false);
