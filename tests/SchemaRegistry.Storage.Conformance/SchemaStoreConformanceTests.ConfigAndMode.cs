using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Conformance;

public abstract partial class SchemaStoreConformanceTests
{
    [Fact]
    public async Task Config_is_set_replaced_read_and_deleted_globally_and_per_subject()
    {
        var global = new SubjectConfig(CompatibilityLevel.BackwardTransitive, false);
        var subject = new SubjectConfig(CompatibilityLevel.Full, null);

        (await ExecuteAsync(new SetConfigCommand(null, global))).ShouldBe(global);
        (await ExecuteAsync(new SetConfigCommand("orders-value", subject))).ShouldBe(subject);
        (await Store.GetConfigAsync(null, None)).ShouldBe(global);
        (await Store.GetConfigAsync("orders-value", None)).ShouldBe(subject);
        (await Store.GetConfigAsync("other-value", None)).ShouldBeNull();

        var replaced = new SubjectConfig(null, true);
        await ExecuteAsync(new SetConfigCommand("orders-value", replaced));
        (await Store.GetConfigAsync("orders-value", None)).ShouldBe(replaced);
        (await Store.GetConfigAsync(null, None)).ShouldBe(global);

        (await ExecuteAsync(new DeleteConfigCommand("orders-value"))).ShouldBe(replaced);
        (await Store.GetConfigAsync("orders-value", None)).ShouldBeNull();
        (await ExecuteAsync(new DeleteConfigCommand("orders-value"))).ShouldBeNull();

        (await ExecuteAsync(new DeleteConfigCommand(null))).ShouldBe(global);
        (await Store.GetConfigAsync(null, None)).ShouldBeNull();
        (await ExecuteAsync(new DeleteConfigCommand(null))).ShouldBeNull();
    }

    [Fact]
    public async Task Every_compatibility_level_round_trips()
    {
        foreach (var level in CompatibilityLevels.All)
        {
            await ExecuteAsync(new SetConfigCommand("s", new SubjectConfig(level, true)));
            (await Store.GetConfigAsync("s", None)).ShouldNotBeNull().Level.ShouldBe(level);
        }
    }

    [Fact]
    public async Task Mode_is_set_replaced_read_and_deleted_globally_and_per_subject()
    {
        foreach (var mode in Enum.GetValues<RegistryMode>())
        {
            (await ExecuteAsync(new SetModeCommand(null, mode))).ShouldBe(mode);
            (await Store.GetModeAsync(null, None)).ShouldBe(mode);
        }
        await ExecuteAsync(new SetModeCommand(null, RegistryMode.ReadWrite));
        await ExecuteAsync(new SetModeCommand("s", RegistryMode.Import));
        (await Store.GetModeAsync("s", None)).ShouldBe(RegistryMode.Import);
        (await Store.GetModeAsync(null, None)).ShouldBe(RegistryMode.ReadWrite);
        (await Store.GetModeAsync("t", None)).ShouldBeNull();

        (await ExecuteAsync(new DeleteModeCommand("s"))).ShouldBe(RegistryMode.Import);
        (await Store.GetModeAsync("s", None)).ShouldBeNull();
        (await ExecuteAsync(new DeleteModeCommand("s"))).ShouldBeNull();
        (await ExecuteAsync(new DeleteModeCommand(null))).ShouldBe(RegistryMode.ReadWrite);
        (await Store.GetModeAsync(null, None)).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("global")]
    [InlineData("__GLOBAL")]
    [InlineData("null")]
    public async Task No_subject_name_collides_with_the_global_setting(string subject)
    {
        await ExecuteAsync(new SetConfigCommand(subject, new SubjectConfig(CompatibilityLevel.Forward, true)));
        await ExecuteAsync(new SetModeCommand(subject, RegistryMode.ReadOnly));
        (await Store.GetConfigAsync(null, None)).ShouldBeNull();
        (await Store.GetModeAsync(null, None)).ShouldBeNull();

        await ExecuteAsync(new SetConfigCommand(null, new SubjectConfig(CompatibilityLevel.None, false)));
        await ExecuteAsync(new SetModeCommand(null, RegistryMode.Import));
        (await Store.GetConfigAsync(subject, None)).ShouldBe(new SubjectConfig(CompatibilityLevel.Forward, true));
        (await Store.GetModeAsync(subject, None)).ShouldBe(RegistryMode.ReadOnly);

        await ExecuteAsync(new DeleteConfigCommand(null));
        (await Store.GetConfigAsync(subject, None)).ShouldNotBeNull();
    }
}
