//! Joins chunk modules into one. The splitter's chunks import only what every module shares —
//! the main module's memory, its function table and the stack pointer — and install their
//! functions into the table with active element segments and their data with active data
//! segments at fixed places. So their functions, segments and types can be laid end to end with
//! their indices shifted, and the imports shared. binaryen's `wasm-merge` keeps every module's
//! imports apart (one memory each), which a chunk cannot have.

use anyhow::{Context, Result, bail};
use wasm_encoder::reencode::{Error as ReencodeError, Reencode};
use wasm_encoder::{
    CodeSection, DataCountSection, DataSection, ElementSection, EntityType, FunctionSection,
    ImportSection, Module, TypeSection,
};
use wasmparser::{Parser, Payload, TypeRef};

/// Shifts one input module's indices to where its parts land in the joined module.
#[derive(Default)]
struct Shift {
    types: u32,
    functions: u32,
    data: u32,
    elements: u32,
}

impl Reencode for Shift {
    type Error = std::convert::Infallible;

    fn type_index(&mut self, index: u32) -> Result<u32, ReencodeError<Self::Error>> {
        Ok(index + self.types)
    }

    fn function_index(&mut self, index: u32) -> Result<u32, ReencodeError<Self::Error>> {
        Ok(index + self.functions)
    }

    fn data_index(&mut self, index: u32) -> Result<u32, ReencodeError<Self::Error>> {
        Ok(index + self.data)
    }

    fn element_index(&mut self, index: u32) -> Result<u32, ReencodeError<Self::Error>> {
        Ok(index + self.elements)
    }
}

/// One import every input shares, by name.
struct SharedImport {
    module: String,
    name: String,
    ty: EntityType,
}

/// The imports of all inputs, one of each kind: a second, different one would need indices
/// this merge does not remap.
#[derive(Default)]
struct Imports {
    memory: Option<SharedImport>,
    table: Option<SharedImport>,
    global: Option<SharedImport>,
}

impl Imports {
    fn add(&mut self, import: wasmparser::Import<'_>) -> Result<()> {
        let (slot, ty) = match import.ty {
            TypeRef::Memory(m) => (&mut self.memory, EntityType::Memory(m.into())),
            TypeRef::Table(t) => (
                &mut self.table,
                EntityType::Table(t.try_into().context("a table import")?),
            ),
            TypeRef::Global(g) => (
                &mut self.global,
                EntityType::Global(g.try_into().context("a global import")?),
            ),
            other => bail!(
                "a chunk imports {}.{} ({other:?}): only the shared memory, table and globals can be joined",
                import.module,
                import.name
            ),
        };
        match slot {
            Some(seen) if seen.module != import.module || seen.name != import.name => bail!(
                "chunks import different {}s ({}.{} and {}.{})",
                kind_name(&ty),
                seen.module,
                seen.name,
                import.module,
                import.name
            ),
            Some(_) => {}
            None => {
                *slot = Some(SharedImport {
                    module: import.module.to_string(),
                    name: import.name.to_string(),
                    ty,
                })
            }
        }
        Ok(())
    }
}

fn kind_name(ty: &EntityType) -> &'static str {
    match ty {
        EntityType::Memory(_) => "memory",
        EntityType::Table(_) => "table",
        EntityType::Global(_) => "global",
        _ => "import",
    }
}

fn reencoded<T>(result: Result<T, ReencodeError<std::convert::Infallible>>) -> Result<T> {
    result.map_err(|e| anyhow::anyhow!("re-encoding a chunk: {e:?}"))
}

/// Joins `chunks` (each a whole wasm module) into one module that does what instantiating each
/// of them would.
pub fn join(chunks: &[Vec<u8>]) -> Result<Vec<u8>> {
    let mut imports = Imports::default();
    for bytes in chunks {
        for payload in Parser::new(0).parse_all(bytes) {
            if let Payload::ImportSection(section) = payload? {
                for import in section.into_imports() {
                    imports.add(import?)?;
                }
            }
        }
    }
    let mut types = TypeSection::new();
    let mut functions = FunctionSection::new();
    let mut elements = ElementSection::new();
    let mut code = CodeSection::new();
    let mut data = DataSection::new();
    let mut data_count_needed = false;
    let mut next = Shift::default();
    for bytes in chunks {
        let mut shift = Shift {
            types: next.types,
            functions: next.functions,
            data: next.data,
            elements: next.elements,
        };
        let mut added = Shift::default();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload? {
                Payload::Version { .. }
                | Payload::End(_)
                | Payload::CustomSection(_)
                | Payload::ImportSection(_)
                | Payload::CodeSectionStart { .. } => {}
                Payload::TypeSection(section) => {
                    for group in section {
                        let group = group?;
                        added.types += u32::try_from(group.types().len())?;
                        reencoded(shift.parse_recursive_type_group(types.ty(), group))?;
                    }
                }
                Payload::FunctionSection(section) => {
                    for ty in section {
                        functions.function(ty? + shift.types);
                        added.functions += 1;
                    }
                }
                Payload::ElementSection(section) => {
                    for element in section {
                        reencoded(shift.parse_element(&mut elements, element?))?;
                        added.elements += 1;
                    }
                }
                Payload::DataCountSection { .. } => data_count_needed = true,
                Payload::CodeSectionEntry(body) => {
                    reencoded(shift.parse_function_body(&mut code, body))?;
                }
                Payload::DataSection(section) => {
                    for datum in section {
                        reencoded(shift.parse_data(&mut data, datum?))?;
                        added.data += 1;
                    }
                }
                Payload::ExportSection(section) if section.count() == 0 => {}
                other => bail!(
                    "a chunk has a section this merge does not join: {}",
                    section_name(&other)
                ),
            }
        }
        next = Shift {
            types: shift.types + added.types,
            functions: shift.functions + added.functions,
            data: shift.data + added.data,
            elements: shift.elements + added.elements,
        };
    }
    let mut import_section = ImportSection::new();
    for shared in [imports.memory, imports.table, imports.global]
        .into_iter()
        .flatten()
    {
        import_section.import(&shared.module, &shared.name, shared.ty);
    }
    let mut module = Module::new();
    module.section(&types);
    module.section(&import_section);
    module.section(&functions);
    if next.elements > 0 {
        module.section(&elements);
    }
    if data_count_needed || next.data > 0 {
        module.section(&DataCountSection { count: next.data });
    }
    module.section(&code);
    if next.data > 0 {
        module.section(&data);
    }
    let joined = module.finish();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&joined)
        .context("the joined chunk does not validate")?;
    Ok(joined)
}

fn section_name(payload: &Payload<'_>) -> &'static str {
    match payload {
        Payload::GlobalSection(_) => "globals of its own",
        Payload::ExportSection(_) => "exports",
        Payload::StartSection { .. } => "a start function",
        Payload::MemorySection(_) => "a memory of its own",
        Payload::TableSection(_) => "a table of its own",
        _ => "an unexpected section",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, DataSection, Elements, Function, GlobalType, Instruction, MemoryType, RefType,
        TableType, ValType,
    };

    /// A chunk as the splitter writes one: shared imports, `count` functions (each calling the
    /// previous one, so calls must be renumbered) put into the table at `slot`, and `bytes`
    /// written at `address`.
    fn chunk(count: u32, slot: i32, address: i32, bytes: &[u8]) -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]);
        let mut imports = ImportSection::new();
        imports.import(
            "__wasm_split",
            "memory",
            MemoryType {
                minimum: 1,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            },
        );
        imports.import(
            "__wasm_split",
            "__indirect_function_table",
            TableType {
                element_type: RefType::FUNCREF,
                minimum: 64,
                maximum: None,
                table64: false,
                shared: false,
            },
        );
        imports.import(
            "__wasm_split",
            "__wasm_split_shared0",
            GlobalType {
                val_type: ValType::I32,
                mutable: true,
                shared: false,
            },
        );
        let mut functions = FunctionSection::new();
        let mut code = CodeSection::new();
        for i in 0..count {
            functions.function(0);
            let mut f = Function::new([]);
            f.instruction(&Instruction::LocalGet(0));
            if i > 0 {
                f.instruction(&Instruction::Call(i - 1));
            }
            f.instruction(&Instruction::GlobalGet(0));
            f.instruction(&Instruction::I32Add);
            f.instruction(&Instruction::End);
            code.function(&f);
        }
        let mut elements = ElementSection::new();
        let listed: Vec<u32> = (0..count).collect();
        elements.active(
            Some(0),
            &ConstExpr::i32_const(slot),
            Elements::Functions(listed.into()),
        );
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(address), bytes.iter().copied());
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&elements)
            .section(&code)
            .section(&data);
        module.finish()
    }

    #[test]
    fn joined_chunks_keep_every_function_slot_and_byte_with_one_set_of_imports() {
        let joined = join(&[chunk(2, 10, 100, b"ab"), chunk(3, 20, 200, b"cde")]).unwrap();
        let mut imports = Vec::new();
        let mut slots = Vec::new();
        let mut calls = Vec::new();
        let mut data = Vec::new();
        let mut functions = 0;
        for payload in Parser::new(0).parse_all(&joined) {
            match payload.unwrap() {
                Payload::ImportSection(s) => {
                    for i in s.into_imports() {
                        imports.push(i.unwrap().name.to_string());
                    }
                }
                Payload::FunctionSection(s) => functions = s.count(),
                Payload::ElementSection(s) => {
                    for e in s {
                        let e = e.unwrap();
                        let wasmparser::ElementKind::Active { offset_expr, .. } = e.kind else {
                            panic!("active")
                        };
                        let mut ops = offset_expr.get_operators_reader();
                        let wasmparser::Operator::I32Const { value } = ops.read().unwrap() else {
                            panic!("const offset")
                        };
                        let wasmparser::ElementItems::Functions(f) = e.items else {
                            panic!("functions")
                        };
                        slots.push((value, f.into_iter().map(|f| f.unwrap()).collect::<Vec<_>>()));
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    for op in body.get_operators_reader().unwrap() {
                        if let wasmparser::Operator::Call { function_index } = op.unwrap() {
                            calls.push(function_index);
                        }
                    }
                }
                Payload::DataSection(s) => {
                    for d in s {
                        data.push(d.unwrap().data.to_vec());
                    }
                }
                _ => {}
            }
        }
        assert_eq!(
            imports,
            [
                "memory",
                "__indirect_function_table",
                "__wasm_split_shared0"
            ]
        );
        assert_eq!(functions, 5);
        assert_eq!(slots, [(10, vec![0, 1]), (20, vec![2, 3, 4])]);
        // Each chunk's calls still reach its own functions.
        assert_eq!(calls, [0, 2, 3]);
        assert_eq!(data, [b"ab".to_vec(), b"cde".to_vec()]);
    }

    #[test]
    fn a_chunk_with_exports_of_its_own_is_refused() {
        let mut module = Module::new();
        let mut exports = wasm_encoder::ExportSection::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut functions = FunctionSection::new();
        functions.function(0);
        exports.export("f", wasm_encoder::ExportKind::Func, 0);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::End);
        code.function(&f);
        module
            .section(&types)
            .section(&functions)
            .section(&exports)
            .section(&code);
        let err = join(&[module.finish()]).unwrap_err();
        assert!(err.to_string().contains("exports"), "{err}");
    }
}
