using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

public abstract partial class SchemaStoreConformanceTests
{
    private async Task SeedSearchAsync()
    {
        await RegisterAsync("llm.chat.Request", Schema("Req"),
            metadata: Metadata("Chat completion request", "team-llm", ["chat", "PII"]), state: VersionState.Active);
        await RegisterAsync("llm.chat.Response", Schema("Resp1"),
            metadata: Metadata("Old response", "team-llm", ["legacy"]), state: VersionState.Deprecated);
        await RegisterAsync("llm.chat.Response", Schema("Resp2"),
            metadata: Metadata("Chat completion response", "team-llm", ["chat"]), state: VersionState.Active);
        await RegisterAsync("llm.embed.Vector", Schema("Vec"), schemaType: Avro,
            metadata: Metadata("Embedding vector", "Team-Vectors", ["ml"]), state: VersionState.Draft);
        await RegisterAsync("orders-value", Schema("Orders"),
            metadata: Metadata("Shop orders", "shop", ["billing", "pii"]), state: VersionState.Active);
        // Its latest live version is v1: v2 is soft-deleted.
        await RegisterAsync("payments-value", Schema("Pay1"), metadata: Metadata("Payments", "shop", ["billing"]));
        await RegisterAsync("payments-value", Schema("Pay2"), metadata: Metadata("Payments v2 SECRET", "shop", ["secret"]));
        await ExecuteAsync(new DeleteVersionCommand("payments-value", 2, Permanent: false));
        // Never found: every version is soft-deleted.
        await RegisterAsync("llm.chat.Gone", Schema("Gone"), metadata: Metadata("chat", "team-llm", ["chat"]));
        await ExecuteAsync(new DeleteSubjectCommand("llm.chat.Gone", Permanent: false));
    }

    private async Task<string[]> SearchAsync(SubjectSearch search) =>
        (await Store.SearchSubjectsAsync(search, None)).Select(v => $"{v.Subject}/{v.Version}").ToArray();

    [Fact]
    public async Task Search_returns_the_latest_live_version_of_each_subject()
    {
        await SeedSearchAsync();
        (await SearchAsync(new SubjectSearch())).ShouldBe(
            ["llm.chat.Request/1", "llm.chat.Response/2", "llm.embed.Vector/1", "orders-value/1", "payments-value/1"]);
        var found = await Store.SearchSubjectsAsync(new SubjectSearch(Prefix: "llm.chat.Resp"), None);
        found.ShouldHaveSingleItem().Metadata.Description.ShouldBe("Chat completion response");
        found[0].Schema.Text.ShouldBe(Schema("Resp2"));
    }

    [Fact]
    public async Task Search_filters_by_prefix_and_namespace()
    {
        await SeedSearchAsync();
        (await SearchAsync(new SubjectSearch(Prefix: "llm."))).ShouldBe(["llm.chat.Request/1", "llm.chat.Response/2", "llm.embed.Vector/1"]);
        (await SearchAsync(new SubjectSearch(Namespace: "llm.chat"))).ShouldBe(["llm.chat.Request/1", "llm.chat.Response/2"]);
        (await SearchAsync(new SubjectSearch(Namespace: "llm"))).ShouldBeEmpty();
        (await SearchAsync(new SubjectSearch(Namespace: "default"))).ShouldBe(["orders-value/1", "payments-value/1"]);
    }

    [Fact]
    public async Task Search_filters_by_tag_exactly_and_case_insensitively()
    {
        await SeedSearchAsync();
        (await SearchAsync(new SubjectSearch(Tag: "pii"))).ShouldBe(["llm.chat.Request/1", "orders-value/1"]);
        (await SearchAsync(new SubjectSearch(Tag: "CHAT"))).ShouldBe(["llm.chat.Request/1", "llm.chat.Response/2"]);
        (await SearchAsync(new SubjectSearch(Tag: "bill"))).ShouldBeEmpty();
        // Only the latest live version's tags count.
        (await SearchAsync(new SubjectSearch(Tag: "legacy"))).ShouldBeEmpty();
        (await SearchAsync(new SubjectSearch(Tag: "secret"))).ShouldBeEmpty();
        (await SearchAsync(new SubjectSearch(Tag: "billing"))).ShouldBe(["orders-value/1", "payments-value/1"]);
    }

    [Fact]
    public async Task Search_filters_by_state_and_format()
    {
        await SeedSearchAsync();
        (await SearchAsync(new SubjectSearch(State: VersionState.Draft))).ShouldBe(["llm.embed.Vector/1"]);
        (await SearchAsync(new SubjectSearch(State: VersionState.Deprecated))).ShouldBeEmpty();
        (await SearchAsync(new SubjectSearch(State: VersionState.Active, Prefix: "llm"))).ShouldBe(["llm.chat.Request/1", "llm.chat.Response/2"]);
        (await SearchAsync(new SubjectSearch(SchemaType: Avro))).ShouldBe(["llm.embed.Vector/1"]);
        (await SearchAsync(new SubjectSearch(SchemaType: "avro"))).ShouldBe(["llm.embed.Vector/1"]);
        (await SearchAsync(new SubjectSearch(SchemaType: "PROTOBUF"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_text_matches_subject_description_owner_and_tags_case_insensitively()
    {
        await SeedSearchAsync();
        (await SearchAsync(new SubjectSearch(Text: "COMPLETION"))).ShouldBe(["llm.chat.Request/1", "llm.chat.Response/2"]);
        (await SearchAsync(new SubjectSearch(Text: "vectors"))).ShouldBe(["llm.embed.Vector/1"]);   // owner
        (await SearchAsync(new SubjectSearch(Text: "Orders-V"))).ShouldBe(["orders-value/1"]);       // subject
        (await SearchAsync(new SubjectSearch(Text: "illin"))).ShouldBe(["orders-value/1", "payments-value/1"]); // tag substring
        (await SearchAsync(new SubjectSearch(Text: "secret"))).ShouldBeEmpty();                     // only on a deleted version
        (await SearchAsync(new SubjectSearch(Text: "no such words"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_combines_filters_and_paginates()
    {
        await SeedSearchAsync();
        (await SearchAsync(new SubjectSearch(Namespace: "llm.chat", Tag: "pii", Text: "request"))).ShouldBe(["llm.chat.Request/1"]);
        (await SearchAsync(new SubjectSearch(Namespace: "llm.chat", Tag: "pii", Text: "response"))).ShouldBeEmpty();
        (await SearchAsync(new SubjectSearch(Offset: 1, Limit: 2))).ShouldBe(["llm.chat.Response/2", "llm.embed.Vector/1"]);
        (await SearchAsync(new SubjectSearch(Offset: 4, Limit: 2))).ShouldBe(["payments-value/1"]);
        (await SearchAsync(new SubjectSearch(Limit: 0))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_follows_deletes_and_new_versions()
    {
        await SeedSearchAsync();
        await ExecuteAsync(new DeleteVersionCommand("llm.chat.Response", 2, Permanent: false));
        (await SearchAsync(new SubjectSearch(Prefix: "llm.chat.Response"))).ShouldBe(["llm.chat.Response/1"]);
        (await SearchAsync(new SubjectSearch(Tag: "legacy"))).ShouldBe(["llm.chat.Response/1"]);

        await RegisterAsync("llm.chat.Response", Schema("Resp3"), metadata: Metadata("Third", null, ["new"]));
        (await SearchAsync(new SubjectSearch(Tag: "legacy"))).ShouldBeEmpty();
        (await SearchAsync(new SubjectSearch(Tag: "new"))).ShouldBe(["llm.chat.Response/3"]);

        await ExecuteAsync(new ChangeStateCommand("llm.chat.Response", 3, VersionState.Archived, null));
        (await SearchAsync(new SubjectSearch(State: VersionState.Archived))).ShouldBe(["llm.chat.Response/3"]);
    }

    [Fact]
    public async Task Live_versions_are_counted_by_format_and_state()
    {
        await RegisterAsync("count-a", Schema("1"));
        await RegisterAsync("count-a", Schema("2"), state: VersionState.Draft);
        await RegisterAsync("count-b", Schema("3"), schemaType: Avro);
        await RegisterAsync("count-b", Schema("4"), schemaType: Avro);
        await ExecuteAsync(new DeleteVersionCommand("count-b", 2, Permanent: false));
        var counts = await Store.CountVersionsAsync(None);
        counts.ShouldContain(new VersionCount(Json, VersionState.Active, 1));
        counts.ShouldContain(new VersionCount(Json, VersionState.Draft, 1));
        counts.ShouldContain(new VersionCount(Avro, VersionState.Active, 1));
        counts.Sum(c => c.Count).ShouldBe(3);
    }
}
