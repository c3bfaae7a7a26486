namespace ContentHub.Domain.Workflow;

/// <summary>The steps people take with an item.</summary>
public enum WorkflowAction
{
    Submit,
    Approve,
    Return,
    SignOff,
    Publish,
    Schedule,
    Unschedule,
    Unpublish,
    Republish,
    Reopen,
    Archive,
}
