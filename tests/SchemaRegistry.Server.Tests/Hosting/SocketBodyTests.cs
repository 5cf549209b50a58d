using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Hosting;

/// <summary>
/// Bodies through a real socket, where Kestrel receives into <see cref="ReceiveBlockPool"/>'s 64 KiB blocks: a
/// batch spanning dozens of blocks, and requests of every size one after another on one connection (blocks reused).
/// </summary>
public sealed class SocketBodyTests
{
    [Fact]
    public async Task A_multi_megabyte_batch_over_a_real_socket_is_decided_document_by_document()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var id = (await client.PostAsync("/subjects/socket-batch/versions",
            JsonSchema("""{"type":"object","properties":{"n":{"type":"integer"},"text":{"type":"string","maxLength":2000}},"required":["n","text"]}"""))
            .ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();

        // 3,000 documents of ~1 KB (~3 MB, ~47 blocks); every 7th has a string where the integer goes.
        const int Count = 3_000;
        var filler = new string('x', 1_000);
        var body = new StringBuilder("[");
        for (var i = 0; i < Count; i++)
        {
            if (i > 0) body.Append(", ");
            body.Append(i % 7 == 0 ? $$"""{"n": "{{i}}", "text": "{{filler}}"}""" : $$"""{"n": {{i}}, "text": "{{filler}}"}""");
        }
        body.Append(']');
        var answer = await client.PostAsync($"/api/v1/validate/{id}/batch", Raw(body.ToString())).ExpectAsync(HttpStatusCode.OK);

        var invalid = Enumerable.Range(0, Count).Count(i => i % 7 == 0);
        answer["valid"]!.GetValue<int>().ShouldBe(Count - invalid);
        answer["invalid"]!.GetValue<int>().ShouldBe(invalid);
        var results = answer["results"]!.AsArray();
        results.Count.ShouldBe(Count);
        for (var i = 0; i < Count; i++)
        {
            results[i]!["index"]!.GetValue<int>().ShouldBe(i);
            results[i]!["valid"]!.GetValue<bool>().ShouldBe(i % 7 != 0, $"document {i}");
        }
        server.KillHard();
        server.DeleteData();
    }

    [Fact]
    public async Task Requests_of_every_size_on_one_connection_each_get_their_own_answer()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(server.BaseUrl) };
        var id = (await client.PostAsync("/subjects/socket-sizes/versions", JsonSchema("""{"type":"string","maxLength":300000}"""))
            .ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();

        // Around the block size and its multiples, so bodies end just before, on and after a block's end.
        foreach (var length in new[] { 1, 100, ReceiveBlockPool.BlockSize - 300, ReceiveBlockPool.BlockSize, ReceiveBlockPool.BlockSize + 7, 3 * ReceiveBlockPool.BlockSize + 1, 299_999, 300_001, 10 })
        {
            var text = new string('y', length);
            var answer = await client.PostAsync($"/api/v1/validate/{id}", Raw($"\"{text}\"")).ExpectAsync(HttpStatusCode.OK);
            answer["valid"]!.GetValue<bool>().ShouldBe(length <= 300_000, $"a string of {length}");
        }
        server.KillHard();
        server.DeleteData();
    }

    [Fact]
    public void Kestrel_gets_its_buffers_from_the_block_pool()
    {
        using var factory = new RegistryFactory();
        factory.Services.GetRequiredService<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>>().ShouldBeOfType<ReceiveBlockPoolFactory>();
    }

    [Fact]
    public void The_pool_hands_out_whole_blocks_and_refuses_larger_requests()
    {
        using var pool = new ReceiveBlockPoolFactory().Create();
        pool.MaxBufferSize.ShouldBe(ReceiveBlockPool.BlockSize);
        using (var block = pool.Rent(4096))
        {
            block.Memory.Length.ShouldBeGreaterThanOrEqualTo(ReceiveBlockPool.BlockSize);
            block.Memory.Span.Fill(1);
        }
        var owner = pool.Rent();
        owner.Dispose();
        owner.Dispose(); // twice is harmless: the block goes back once
        Should.Throw<ObjectDisposedException>(() => owner.Memory);
        Should.Throw<ArgumentOutOfRangeException>(() => pool.Rent(ReceiveBlockPool.BlockSize + 1));
    }
}
