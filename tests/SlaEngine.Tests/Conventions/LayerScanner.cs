using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SlaEngine.Tests.Conventions;

/// <summary>One reference from a type to a type of the same assembly: the namespaces and the type names.</summary>
/// <param name="FromNamespace">The namespace of the referring (top-level) type.</param>
/// <param name="FromType">The referring top-level type's full name.</param>
/// <param name="ToNamespace">The namespace of the referenced (top-level) type.</param>
/// <param name="ToType">The referenced top-level type's full name.</param>
internal sealed record TypeEdge(string FromNamespace, string FromType, string ToNamespace, string ToType);

/// <summary>
/// Reads a compiled assembly's metadata and IL and lists every reference from one of its types to another of its
/// types: base types, interfaces, fields, signatures, attributes, generic constraints, locals, and every token in a
/// method body. Nested and compiler-generated types count as their top-level type.
/// </summary>
internal static class LayerScanner
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Lists the references between the assembly's own types.</summary>
    /// <param name="assemblyPath">The compiled assembly.</param>
    /// <returns>Every distinct edge between two different top-level types.</returns>
    public static IReadOnlyList<TypeEdge> Edges(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var edges = new HashSet<TypeEdge>();
        var provider = new Collector(md);
        foreach (var handle in md.TypeDefinitions)
        {
            var top = TopLevel(md, handle);
            var (fromNs, fromName) = Name(md, top);
            if (fromName.StartsWith('<'))
            {
                continue;
            }

            var found = new HashSet<TypeDefinitionHandle>();
            provider.Found = found;
            Visit(md, pe, handle, provider);
            foreach (var target in found)
            {
                var targetTop = TopLevel(md, target);
                if (targetTop == top)
                {
                    continue;
                }

                var (toNs, toName) = Name(md, targetTop);
                if (!toName.StartsWith('<'))
                {
                    edges.Add(new TypeEdge(fromNs, Full(fromNs, fromName), toNs, Full(toNs, toName)));
                }
            }
        }

        return edges.OrderBy(e => e.FromType, StringComparer.Ordinal).ThenBy(e => e.ToType, StringComparer.Ordinal).ToList();
    }

    private static string Full(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    private static TypeDefinitionHandle TopLevel(MetadataReader md, TypeDefinitionHandle handle)
    {
        while (true)
        {
            var declaring = md.GetTypeDefinition(handle).GetDeclaringType();
            if (declaring.IsNil)
            {
                return handle;
            }

            handle = declaring;
        }
    }

    private static (string Namespace, string Name) Name(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        return (md.GetString(type.Namespace), md.GetString(type.Name));
    }

    private static void Visit(MetadataReader md, PEReader pe, TypeDefinitionHandle handle, Collector provider)
    {
        var type = md.GetTypeDefinition(handle);
        provider.Entity(type.BaseType);
        foreach (var i in type.GetInterfaceImplementations())
        {
            provider.Entity(md.GetInterfaceImplementation(i).Interface);
        }

        Attributes(md, type.GetCustomAttributes(), provider);
        GenericParameters(md, type.GetGenericParameters(), provider);
        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            field.DecodeSignature(provider, null);
            Attributes(md, field.GetCustomAttributes(), provider);
        }

        foreach (var p in type.GetProperties())
        {
            var property = md.GetPropertyDefinition(p);
            property.DecodeSignature(provider, null);
            Attributes(md, property.GetCustomAttributes(), provider);
        }

        foreach (var e in type.GetEvents())
        {
            provider.Entity(md.GetEventDefinition(e).Type);
        }

        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            method.DecodeSignature(provider, null);
            Attributes(md, method.GetCustomAttributes(), provider);
            GenericParameters(md, method.GetGenericParameters(), provider);
            foreach (var p in method.GetParameters())
            {
                Attributes(md, md.GetParameter(p).GetCustomAttributes(), provider);
            }

            if (method.RelativeVirtualAddress != 0)
            {
                Body(md, pe.GetMethodBody(method.RelativeVirtualAddress), provider);
            }
        }
    }

    private static void Attributes(MetadataReader md, CustomAttributeHandleCollection attributes, Collector provider)
    {
        foreach (var a in attributes)
        {
            provider.Entity(md.GetCustomAttribute(a).Constructor);
        }
    }

    private static void GenericParameters(MetadataReader md, GenericParameterHandleCollection parameters, Collector provider)
    {
        foreach (var g in parameters)
        {
            foreach (var c in md.GetGenericParameter(g).GetConstraints())
            {
                provider.Entity(md.GetGenericParameterConstraint(c).Type);
            }
        }
    }

    private static void Body(MetadataReader md, MethodBodyBlock body, Collector provider)
    {
        if (!body.LocalSignature.IsNil)
        {
            md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE)
            {
                code = unchecked((short)(0xFE00 | il.ReadByte()));
            }

            switch (OperandTypes[code])
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    il.Offset += count * 4;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    provider.Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                default:
                    il.ReadInt32();
                    break;
            }
        }
    }

    /// <summary>Decodes signatures and resolves handles, recording every type definition of the assembly it meets.</summary>
    private sealed class Collector(MetadataReader md) : ISignatureTypeProvider<int, object?>
    {
        public HashSet<TypeDefinitionHandle> Found { get; set; } = [];

        public void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Found.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    Found.Add(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.FieldDefinition:
                    var field = md.GetFieldDefinition((FieldDefinitionHandle)handle);
                    Found.Add(field.GetDeclaringType());
                    field.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.Method)
                    {
                        signature.DecodeMethodSignature(this, null);
                    }

                    break;
            }
        }

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            Entity(handle);
            return 0;
        }

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;
    }
}
