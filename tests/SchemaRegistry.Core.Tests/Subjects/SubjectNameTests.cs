using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Subjects;

namespace SchemaRegistry.Core.Tests.Subjects;

public class SubjectNameTests
{
    [Theory]
    [InlineData("llm.chat.ResponseV", "llm.chat", "ResponseV")]
    [InlineData("orders-value", "default", "orders-value")]
    [InlineData("a.b", "a", "b")]
    public void Namespace_is_the_part_before_the_last_dot(string subject, string ns, string name)
    {
        SubjectName.Namespace(subject).ShouldBe(ns);
        SubjectName.Name(subject).ShouldBe(name);
        SubjectName.Compose(ns, name).ShouldBe(subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\nsubject")]
    public void Invalid_names_are_refused_with_42208(string subject)
    {
        SubjectName.Problem(subject).ShouldNotBeNull();
        Should.Throw<RegistryException>(() => SubjectName.EnsureValid(subject)).Code.ShouldBe(ErrorCode.InvalidSubject);
    }

    [Fact]
    public void Overlong_names_are_refused() => SubjectName.Problem(new string('a', SubjectName.MaxLength + 1)).ShouldNotBeNull();
}
