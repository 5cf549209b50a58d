using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Core.Subjects;

/// <summary>
/// Rules for subject names. A subject such as <c>llm.chat.ResponseV</c> has namespace <c>llm.chat</c> (the part before
/// the last dot) and name <c>ResponseV</c>; one without a dot (<c>orders-value</c>) is in namespace <c>default</c>.
/// </summary>
public static class SubjectName
{
    /// <summary>The namespace of subjects without a dot.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>The longest subject name accepted.</summary>
    public const int MaxLength = 255;

    /// <summary>Returns null when <paramref name="subject"/> is a valid subject name, else what is wrong.</summary>
    public static string? Problem(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return "The subject name must not be empty.";
        if (subject.Length > MaxLength) return $"The subject name is {subject.Length} characters long; at most {MaxLength} are allowed.";
        foreach (var ch in subject)
        {
            if (char.IsControl(ch)) return "The subject name must not contain control characters.";
        }
        return null;
    }

    /// <summary>Refuses an invalid subject name with Confluent's 42208 and what is wrong.</summary>
    public static void EnsureValid(string? subject)
    {
        if (Problem(subject) is { } problem)
            throw new RegistryException(ErrorCode.InvalidSubject, $"The specified subject '{subject}' is not valid: {problem}");
    }

    /// <summary>The namespace: the part before the last dot, or <c>default</c>.</summary>
    public static string Namespace(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var dot = subject.LastIndexOf('.');
        return dot <= 0 ? DefaultNamespace : subject[..dot];
    }

    /// <summary>The name: the part after the last dot, or the whole subject.</summary>
    public static string Name(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var dot = subject.LastIndexOf('.');
        return dot < 0 ? subject : subject[(dot + 1)..];
    }

    /// <summary>The subject for a namespace and a name; the default namespace adds no prefix.</summary>
    public static string Compose(string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) || @namespace == DefaultNamespace ? name : $"{@namespace}.{name}";
}
