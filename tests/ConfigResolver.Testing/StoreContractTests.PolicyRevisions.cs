using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>Stored policy revisions: numbering, content, history, the no-op for equal content, and the change log row.</summary>
public abstract partial class StoreContractTests
{
    private static PolicyRevisionDraft Draft(string roles, string author = "ann@example.com", string? message = null, long? restoredFrom = null) =>
        new([new PolicyRevisionFile("rules/base.yaml", "kind: Rules\npackage: base\n"), new PolicyRevisionFile("roles.yaml", roles)], author, message) { RestoredFrom = restoredFrom };

    [Fact]
    public async Task A_new_store_has_no_policy_revision()
    {
        Assert.Null(await Store.GetCurrentPolicyRevisionAsync());
        Assert.Null(await Store.GetPolicyRevisionAsync(1));
        Assert.Empty(await Store.ListPolicyRevisionsAsync(10));
    }

    [Fact]
    public async Task A_published_revision_is_stored_with_its_files_hash_author_time_and_message()
    {
        Time.Advance(TimeSpan.FromMinutes(3));
        var draft = Draft("kind: Roles\n# é ünïcode\n", message: "first cut");

        var result = await Store.PublishPolicyRevisionAsync(draft);

        Assert.True(result.Created);
        var stored = await Store.GetCurrentPolicyRevisionAsync();
        Assert.NotNull(stored);
        Assert.Equal((1L, draft.ContentHash, "ann@example.com", "first cut", 2), (stored.Number, stored.Info.ContentHash, stored.Info.Author, stored.Info.Message, stored.Info.FileCount));
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds(), stored.Info.CreatedAt.ToUnixTimeMilliseconds());
        Assert.Equal([("roles.yaml", "kind: Roles\n# é ünïcode\n"), ("rules/base.yaml", "kind: Rules\npackage: base\n")], stored.Files.Select(f => (f.Path, f.Text)));
        Assert.StartsWith("sha256:", stored.Info.ContentHash, StringComparison.Ordinal);
        Assert.Equal(stored.Info, (await Store.GetPolicyRevisionAsync(1))!.Info);
    }

    [Fact]
    public async Task Each_publish_appends_one_policy_revision_row_to_the_change_log_and_publishes_it()
    {
        using var recorder = new ChangeRecorder(Store);
        var before = Store.PublishedRevision;

        var result = await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n"));

        var row = Assert.Single((await Store.ReadChangeLogAsync(before, 10)).Entries);
        Assert.Equal((TenantChangeKind.PolicyRevisionPublished, before + 1, (Guid?)null), (row.Kind, row.Revision, row.OrganizationId));
        Assert.Equal(row.Revision, result.Revision.Info.StoreRevision);
        var change = Assert.Single(recorder.Changes);
        Assert.Equal((TenantChangeKind.PolicyRevisionPublished, row.Revision, false), (change.Kind, change.Revision, change.IsRemote));
    }

    [Fact]
    public async Task Publishing_the_current_content_again_writes_nothing_and_returns_the_current_revision()
    {
        await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n", message: "one"));
        var head = Store.PublishedRevision;
        using var recorder = new ChangeRecorder(Store);

        var again = await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n", author: "bob@example.com", message: "same again"));

        Assert.False(again.Created);
        Assert.Equal((1L, "one"), (again.Revision.Number, again.Revision.Info.Message));
        Assert.Single(await Store.ListPolicyRevisionsAsync(10));
        Assert.Equal(head, (await Store.ReadChangeLogAsync(0, 1)).LatestRevision);
        Assert.Single((await Store.QueryAuditAsync(new AuditQuery { Action = AuditActions.PolicyPush })).Events);
        Assert.Empty(recorder.Changes);
    }

    [Fact]
    public async Task Revisions_are_numbered_in_order_and_history_lists_them_newest_first()
    {
        await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n# 1\n", message: "one"));
        await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n# 2\n", message: "two"));
        var rollback = await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n# 1\n", author: "bob@example.com", message: "back", restoredFrom: 1));

        var history = await Store.ListPolicyRevisionsAsync(10);

        Assert.Equal([3L, 2L, 1L], history.Select(r => r.Number));
        Assert.Equal((3L, (long?)1, "bob@example.com"), (rollback.Revision.Number, history[0].RestoredFrom, history[0].Author));
        Assert.Equal(history[2].ContentHash, history[0].ContentHash);
        Assert.Equal([3L], (await Store.ListPolicyRevisionsAsync(1)).Select(r => r.Number));
        Assert.Equal(3L, (await Store.GetCurrentPolicyRevisionAsync())!.Number);
        Assert.Equal("two", (await Store.GetPolicyRevisionAsync(2))!.Info.Message);
        Assert.Null(await Store.GetPolicyRevisionAsync(4));
        var audit = (await Store.QueryAuditAsync(new AuditQuery { Limit = 3 })).Events;
        Assert.Equal(
            [(AuditActions.PolicyRollback, "revision 3"), (AuditActions.PolicyPush, "revision 2"), (AuditActions.PolicyPush, "revision 1")],
            audit.Select(e => (e.Action, e.Target)));
        Assert.Contains(history[0].ContentHash, audit[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_publishes_of_the_same_content_store_one_revision()
    {
        var drafts = Enumerable.Range(0, 6).Select(i => Draft("kind: Roles\n# same\n", message: $"try {i}")).ToList();

        var results = await Task.WhenAll(drafts.Select(d => Task.Run(() => Store.PublishPolicyRevisionAsync(d))));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(1L, r.Revision.Number));
        Assert.Single(await Store.ListPolicyRevisionsAsync(10));
    }

    [Fact]
    public async Task A_revision_survives_reopening_a_persistent_store()
    {
        await Store.PublishPolicyRevisionAsync(Draft("kind: Roles\n# kept\n"));
        var reopened = PersistsAcrossReopen ? await ReopenStoreAsync(Store) : null;
        try
        {
            var read = await (reopened ?? Store).GetCurrentPolicyRevisionAsync();
            Assert.Equal("kind: Roles\n# kept\n", read!.Files.Single(f => f.Path == "roles.yaml").Text);
        }
        finally
        {
            if (reopened is not null)
            {
                await DisposeStoreAsync(reopened);
            }
        }
    }

    [Fact]
    public void A_content_hash_depends_on_every_path_and_text_but_not_on_file_order_author_or_message()
    {
        var a = new PolicyRevisionDraft([new("a.yaml", "x"), new("b.yaml", "y")], "ann", "m1");
        var reordered = new PolicyRevisionDraft([new("b.yaml", "y"), new("a.yaml", "x")], "bob", "m2");
        var shifted = new PolicyRevisionDraft([new("a.yaml", "xy"), new("b.yaml", string.Empty)], "ann", "m1");
        var renamed = new PolicyRevisionDraft([new("a.yaml", "x"), new("c.yaml", "y")], "ann", "m1");

        Assert.Equal(a.ContentHash, reordered.ContentHash);
        Assert.Equal(3, ImmutableHashSet.Create(a.ContentHash, shifted.ContentHash, renamed.ContentHash).Count);
        Assert.Throws<ArgumentException>(() => new PolicyRevisionDraft([new("a.yaml", "x"), new("a.yaml", "y")], "ann", null));
        Assert.Throws<ArgumentException>(() => new PolicyRevisionDraft([], "ann", null));
    }
}
