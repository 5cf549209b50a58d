using Google.Protobuf.Reflection;

namespace SchemaRegistry.Server.Tests.Protobuf;

/// <summary>The base64 FileDescriptorProto a .NET Protobuf serializer sends, built with protobuf-net as protoc would.</summary>
internal static class ProtobufDescriptors
{
    public static string Base64Of(string protoText, string name)
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
