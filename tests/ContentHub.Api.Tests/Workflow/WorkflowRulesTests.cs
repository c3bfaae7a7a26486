using System.Net;
using System.Net.Http.Json;
using System.Globalization;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Workflow;
using ContentHub.Api.Http;
using ContentHub.Api.Features.Audit;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Workflow;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Workflow;

public sealed class WorkflowRulesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<WorkflowAction, EditorialState> EveryRowOfTheTable()
    {
        var rows = new TheoryData<WorkflowAction, EditorialState>();
        foreach (var transition in WorkflowTable.Transitions)
        {
            foreach (var from in transition.From)
            {
                rows.Add(transition.Action, from);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(EveryRowOfTheTable))]
    public async Task Every_step_of_the_table_leads_where_the_table_says(WorkflowAction action, EditorialState from)
    {
        var transition = WorkflowTable.Find(action, from)!;
        var item = await DriveToAsync(from, sensitive: action == WorkflowAction.SignOff);
        var (actor, _) = await Staff.NewAsync(api.Factory, [.. transition.Roles], item.OrgUnitId);
        var request = new WorkflowRequest(
            Reason: transition.ReasonRequired ? "Cần bổ sung nguồn" : null,
            PublishAt: action == WorkflowAction.Schedule ? DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture) : null);

        var after = await Steps.TakeAsync(actor, item.Id, WorkflowService.Kebab(action), request);

        Assert.Equal(transition.To, after.State);
    }

    [Fact]
    public async Task A_step_the_state_does_not_allow_is_a_conflict_that_names_the_allowed_steps()
    {
        var item = await api.Given.ArticleAsync();

        using var response = await Steps.TryAsync(api.Client, item.Id, "publish");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(["Submit", "Archive"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        using var unknown = await Steps.TryAsync(api.Client, item.Id, "teleport");
        await ProblemAssert.IsValidationProblemAsync(unknown, "action");
        using var stale = await Steps.TryAsync(api.Client, item.Id, "submit", etag: "\"1\"");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
        using var missing = await Steps.TryAsync(api.Client, item.Id, "submit", etag: string.Empty);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
    }

    [Fact]
    public async Task Nobody_approves_their_own_item_and_reviewers_act_only_on_their_unit()
    {
        var unit = await api.Given.OrgUnitAsync();
        var (editorReviewer, _) = await Staff.NewAsync(api.Factory, [Role.Editor, Role.Reviewer], unit.Id);
        var request = (await api.Given.ArticleRequestAsync()) with { OrgUnitId = unit.Id };
        using var created = await editorReviewer.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);
        var item = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        await Steps.TakeAsync(editorReviewer, item.Id, "submit");

        using var own = await Steps.TryAsync(editorReviewer, item.Id, "approve");
        await ProblemAssert.IsProblemAsync(own, HttpStatusCode.Forbidden, "forbidden");

        var (elsewhere, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], (await api.Given.OrgUnitAsync()).Id);
        using var otherUnit = await Steps.TryAsync(elsewhere, item.Id, "approve");
        await ProblemAssert.IsProblemAsync(otherUnit, HttpStatusCode.Forbidden, "forbidden");

        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], unit.Id, ["en"]);
        using var wrongRole = await Steps.TryAsync(translator, item.Id, "approve");
        await ProblemAssert.IsProblemAsync(wrongRole, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_lead_who_signs_off_is_not_the_reviewer_who_approved()
    {
        var item = await DriveToAsync(EditorialState.InReview, sensitive: true);
        var (both, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer, Role.Lead], item.OrgUnitId);
        await Steps.TakeAsync(both, item.Id, "approve");

        using var response = await Steps.TryAsync(both, item.Id, "sign-off");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");

        var plain = await DriveToAsync(EditorialState.Approved, sensitive: false);
        var (lead, _) = await Staff.NewAsync(api.Factory, [Role.Lead]);
        using var notSensitive = await Steps.TryAsync(lead, plain.Id, "sign-off");
        await ProblemAssert.IsProblemAsync(notSensitive, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Returning_an_item_needs_a_reason_and_clears_its_approvals()
    {
        var item = await DriveToAsync(EditorialState.Approved, sensitive: false);
        var (reviewer, reviewerName) = await Staff.NewAsync(api.Factory, [Role.Reviewer], item.OrgUnitId);

        using var noReason = await Steps.TryAsync(reviewer, item.Id, "return");
        await ProblemAssert.IsValidationProblemAsync(noReason, "reason");

        var returned = await Steps.TakeAsync(reviewer, item.Id, "return", new WorkflowRequest(Reason: "Thiếu nguồn trích dẫn"));
        Assert.Equal(EditorialState.Draft, returned.State);
        Assert.Null(returned.Review);
        Assert.All(returned.Variants, v => Assert.Null(v.Review));
        var log = (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?itemId={item.Id}&action=workflow.return", TestJson.Options))!;
        var entry = Assert.Single(log.Items);
        Assert.Equal(("Thiếu nguồn trích dẫn", reviewerName), (entry.Details, entry.Actor));
    }

    [Fact]
    public async Task Changing_approved_content_reopens_review_for_what_changed()
    {
        var item = await DriveToAsync(EditorialState.Approved, sensitive: false);
        var source = item.Variants.Single(v => v.Language == "vi");

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}/variants/vi") { Content = JsonContent.Create(new VariantRequest("Tiêu đề đã sửa sau duyệt", "Nội dung mới"), options: TestJson.Options) };
        put.Headers.TryAddWithoutValidation("If-Match", source.ETag);
        using var saved = await api.Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var after = (await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{item.Id}", TestJson.Options))!;
        Assert.Equal(EditorialState.InReview, after.State);
        Assert.False(after.Variants.Single(v => v.Language == "vi").Review!.Current);
        Assert.True(after.Review!.Current);
        var log = (await api.Client.GetFromJsonAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?itemId={item.Id}&action=workflow.review-reopened", TestJson.Options))!;
        Assert.Equal(("Approved", "InReview"), (Assert.Single(log.Items).FromState, log.Items[0].ToState));
    }

    [Fact]
    public async Task Languages_are_approved_published_and_withdrawn_one_by_one()
    {
        var item = await DriveToAsync(EditorialState.Published, sensitive: false);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], languages: ["lo", "en"]);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], item.OrgUnitId);

        using (var lao = await translator.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/lo", new VariantRequest("ຂ່າວບັກຢາງ", "ເນື້ອໃນ"), TestJson.Options))
        {
            Assert.Equal(HttpStatusCode.Created, lao.StatusCode);
            Assert.False((await lao.Content.ReadFromJsonAsync<VariantResponse>(TestJson.Options))!.Cleared);
        }

        using (var approve = await Steps.TryLanguageAsync(reviewer, item.Id, "lo", "approve"))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
            Assert.True((await approve.Content.ReadFromJsonAsync<VariantResponse>(TestJson.Options))!.Cleared);
        }

        using (var withdraw = await Steps.TryLanguageAsync(reviewer, item.Id, "lo", "withdraw"))
        {
            var lao = (await withdraw.Content.ReadFromJsonAsync<VariantResponse>(TestJson.Options))!;
            Assert.True(lao.Withdrawn);
            Assert.False(lao.Cleared);
        }

        using var source = await Steps.TryLanguageAsync(reviewer, item.Id, "vi", "withdraw");
        await ProblemAssert.IsProblemAsync(source, HttpStatusCode.Conflict, "conflict");
        var after = (await api.Client.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{item.Id}", TestJson.Options))!;
        Assert.Equal(EditorialState.Published, after.State);
        Assert.True(after.Variants.Single(v => v.Language == "vi").Cleared);

        using var ownText = await Steps.TryLanguageAsync(translator, item.Id, "lo", "approve");
        await ProblemAssert.IsProblemAsync(ownText, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Translators_write_only_their_languages_and_never_the_source()
    {
        var item = await api.Given.ArticleAsync();
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], languages: ["en"]);

        using var english = await translator.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/en", new VariantRequest("English text"), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, english.StatusCode);
        using var korean = await translator.PutAsJsonAsync($"/api/v1/items/{item.Id}/variants/ko", new VariantRequest("한국어"), TestJson.Options);
        await ProblemAssert.IsProblemAsync(korean, HttpStatusCode.Forbidden, "forbidden");
        using var source = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{item.Id}/variants/vi") { Content = JsonContent.Create(new VariantRequest("Sửa"), options: TestJson.Options) };
        source.Headers.TryAddWithoutValidation("If-Match", item.Variants[0].ETag);
        using var sourceResponse = await translator.SendAsync(source);
        await ProblemAssert.IsProblemAsync(sourceResponse, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Editors_create_and_change_only_their_own_units_content()
    {
        var mine = await api.Given.OrgUnitAsync();
        var theirs = await api.Given.OrgUnitAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], mine.Id);
        var request = await api.Given.ArticleRequestAsync();

        using var foreign = await editor.PostAsJsonAsync("/api/v1/items", request with { OrgUnitId = theirs.Id }, TestJson.Options);
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.Forbidden, "forbidden");

        var theirItem = await api.Given.ItemAsync(request with { OrgUnitId = theirs.Id });
        using var submit = await Steps.TryAsync(editor, theirItem.Id, "submit");
        await ProblemAssert.IsProblemAsync(submit, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("2026-12-01T08:00:00", "publishAt")]
    [InlineData("tomorrow", "publishAt")]
    [InlineData("2020-01-01T08:00:00+07:00", "publishAt")]
    public async Task Schedules_need_a_future_time_with_an_offset(string publishAt, string field)
    {
        var item = await DriveToAsync(EditorialState.Approved, sensitive: false);
        using var response = await Steps.TryAsync(api.Client, item.Id, "schedule", new WorkflowRequest(PublishAt: publishAt));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task The_allowed_actions_depend_on_who_asks()
    {
        var item = await DriveToAsync(EditorialState.InReview, sensitive: false);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], item.OrgUnitId);
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], languages: ["en"]);

        Assert.Equal([WorkflowAction.Approve, WorkflowAction.Return], (await reviewer.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{item.Id}", TestJson.Options))!.AllowedActions);
        Assert.Empty((await translator.GetFromJsonAsync<ItemResponse>($"/api/v1/items/{item.Id}", TestJson.Options))!.AllowedActions);
    }

    /// <summary>An article of a fresh unit, brought to the given state through the API by an editor, a reviewer and a lead of that unit.</summary>
    private async Task<ItemResponse> DriveToAsync(EditorialState state, bool sensitive)
    {
        var unit = await api.Given.OrgUnitAsync();
        var (editor, _) = await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id);
        var (reviewer, _) = await Staff.NewAsync(api.Factory, [Role.Reviewer], unit.Id);
        var (lead, _) = await Staff.NewAsync(api.Factory, [Role.Lead]);
        var request = (await api.Given.ArticleRequestAsync()) with { OrgUnitId = unit.Id, Sensitive = sensitive };
        using var created = await editor.PostAsJsonAsync("/api/v1/items", request, TestJson.Options);
        var item = (await created.Content.ReadFromJsonAsync<ItemResponse>(TestJson.Options))!;
        if (state == EditorialState.Draft)
        {
            return item;
        }

        if (state == EditorialState.Archived)
        {
            return await Steps.TakeAsync(editor, item.Id, "archive");
        }

        item = await Steps.TakeAsync(editor, item.Id, "submit");
        if (state == EditorialState.InReview)
        {
            return item;
        }

        item = await Steps.TakeAsync(reviewer, item.Id, "approve");
        if (sensitive)
        {
            item = await Steps.TakeAsync(lead, item.Id, "sign-off");
        }

        return state switch
        {
            EditorialState.Approved => item,
            EditorialState.Scheduled => await Steps.TakeAsync(editor, item.Id, "schedule", new WorkflowRequest(PublishAt: DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture))),
            EditorialState.Published => await Steps.TakeAsync(editor, item.Id, "publish"),
            EditorialState.Unpublished => await Steps.TakeAsync(editor, (await Steps.TakeAsync(editor, item.Id, "publish")).Id, "unpublish"),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }
}
