using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff.Rules;

/// <summary>
/// Services describe calls, not the data this registry checks: every change is reported as an annotation (Confluent
/// does not compare services at all; Buf's RPC_* rules are for API compatibility).
/// </summary>
internal static class ServiceRules
{
    public static void Compare(FileModel old, FileModel updated, DiffContext context)
    {
        foreach (var service in updated.Services)
        {
            var path = "/services/" + Pointer.Escape(service.Name);
            var previous = old.Services.Find(s => s.Name == service.Name);
            if (previous is null)
            {
                context.Add(ChangeKinds.ServiceAdded, path, $"The service {service.Name} was added.");
                continue;
            }
            OptionRules.Compare(previous.Options, service.Options, path, "service " + service.Name, context);
            foreach (var rpc in service.Rpcs)
            {
                var rpcPath = path + "/rpcs/" + Pointer.Escape(rpc.Name);
                var before = previous.Rpcs.Find(r => r.Name == rpc.Name);
                if (before is null)
                {
                    context.Add(ChangeKinds.RpcAdded, rpcPath, $"The rpc {service.Name}.{rpc.Name} was added.");
                    continue;
                }
                if (before.RequestType != rpc.RequestType || before.ResponseType != rpc.ResponseType ||
                    before.RequestStreaming != rpc.RequestStreaming || before.ResponseStreaming != rpc.ResponseStreaming)
                {
                    context.Add(ChangeKinds.RpcChanged, rpcPath,
                        $"The rpc {service.Name}.{rpc.Name} changed from {Signature(before)} to {Signature(rpc)}.");
                }
                OptionRules.Compare(before.Options, rpc.Options, rpcPath, $"rpc {service.Name}.{rpc.Name}", context);
            }
            foreach (var rpc in previous.Rpcs.Where(r => !service.Rpcs.Exists(n => n.Name == r.Name)))
                context.Add(ChangeKinds.RpcRemoved, path + "/rpcs/" + Pointer.Escape(rpc.Name), $"The rpc {service.Name}.{rpc.Name} was removed.");
        }
        foreach (var service in old.Services.Where(s => !updated.Services.Exists(n => n.Name == s.Name)))
            context.Add(ChangeKinds.ServiceRemoved, "/services/" + Pointer.Escape(service.Name), $"The service {service.Name} was removed.");
    }

    private static string Signature(RpcModel rpc) =>
        $"({(rpc.RequestStreaming ? "stream " : "")}{rpc.RequestType}) returns ({(rpc.ResponseStreaming ? "stream " : "")}{rpc.ResponseType})";
}
