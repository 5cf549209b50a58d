using Google.Protobuf.Reflection;

namespace SchemaRegistry.Formats.Protobuf.Tests.Support;

/// <summary>Builds the base64 FileDescriptorProto a .NET client would send, with protobuf-net (as protoc would).</summary>
internal static class Descriptors
{
    public static string ToBase64(string protoText, string name = "order.proto")
    {
        var set = new FileDescriptorSet();
        set.Add(name, true, new StringReader(protoText));
        set.Process();
        set.GetErrors().Where(e => e.IsError).ShouldBeEmpty();
        using var stream = new MemoryStream();
        FileDescriptorSet.Serializer.Serialize(stream, set.Files.Single(f => f.Name == name));
        return Convert.ToBase64String(stream.ToArray());
    }
}
