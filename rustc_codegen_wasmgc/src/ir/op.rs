//! The opcode table of the instructions the backend may emit, with their text names.

/// Prefix of the saturating truncations and bulk-memory instructions.
pub(crate) const PREFIX_FC: u8 = 0xfc;
pub(crate) const EMPTY_BLOCK: u8 = 0x40;
pub(crate) const MEMORY_SIZE: u8 = 0x3f;
pub(crate) const MEMORY_GROW: u8 = 0x40;

/// The opcode table of the instructions the backend may emit, with their text names (for the
/// instruction-list dump); kept complete on purpose.
macro_rules! opcodes {
    ($($name:ident = $code:expr;)*) => {
        $(#[allow(dead_code)] pub(crate) const $name: u8 = $code;)*

            /// The text name of an opcode without immediates or of a block opcode: `I32_ADD`
            /// is `i32.add`, `BR_IF` is `br_if`.
            pub(crate) fn name(code: u8) -> String {
                let upper = match code {
                    $($code => stringify!($name),)*
                    _ => return format!("opcode {code:#04x}"),
                };
                let lower = upper.to_ascii_lowercase();
                let dotted = ["i32_", "i64_", "f32_", "f64_", "local_", "global_", "memory_", "ref_"];
                match dotted.iter().find(|prefix| lower.starts_with(*prefix)) {
                    Some(prefix) => format!("{}.{}", &prefix[..prefix.len() - 1], &lower[prefix.len()..]),
                    None => lower,
                }
            }
    };
}

opcodes! {
        UNREACHABLE = 0x00;
        BLOCK = 0x02;
        LOOP = 0x03;
        IF = 0x04;
        ELSE = 0x05;
        END = 0x0b;
        BR = 0x0c;
        BR_IF = 0x0d;
        BR_TABLE = 0x0e;
        RETURN = 0x0f;
        THROW = 0x08;
        THROW_REF = 0x0a;
        TRY_TABLE = 0x1f;
        CALL = 0x10;
        CALL_INDIRECT = 0x11;
        DROP = 0x1a;
        REF_NULL = 0xd0;
        SELECT = 0x1b;
        LOCAL_GET = 0x20;
        LOCAL_SET = 0x21;
        LOCAL_TEE = 0x22;
        GLOBAL_GET = 0x23;
        GLOBAL_SET = 0x24;
        I32_LOAD = 0x28;
        I64_LOAD = 0x29;
        F32_LOAD = 0x2a;
        F64_LOAD = 0x2b;
        I32_LOAD8_U = 0x2d;
        I32_LOAD16_U = 0x2f;
        I64_LOAD8_U = 0x31;
        I64_LOAD16_U = 0x33;
        I64_LOAD32_U = 0x35;
        I32_STORE = 0x36;
        I64_STORE = 0x37;
        F32_STORE = 0x38;
        F64_STORE = 0x39;
        I32_STORE8 = 0x3a;
        I32_STORE16 = 0x3b;
        I64_STORE8 = 0x3c;
        I64_STORE16 = 0x3d;
        I64_STORE32 = 0x3e;
        I32_CONST = 0x41;
        I64_CONST = 0x42;
        F32_CONST = 0x43;
        F64_CONST = 0x44;
        I32_EQZ = 0x45;
        I32_EQ = 0x46;
        I32_NE = 0x47;
        I32_LT_S = 0x48;
        I32_LT_U = 0x49;
        I32_GT_S = 0x4a;
        I32_GT_U = 0x4b;
        I32_LE_S = 0x4c;
        I32_LE_U = 0x4d;
        I32_GE_S = 0x4e;
        I32_GE_U = 0x4f;
        I64_EQZ = 0x50;
        I64_EQ = 0x51;
        I64_NE = 0x52;
        I64_LT_S = 0x53;
        I64_LT_U = 0x54;
        I64_GT_S = 0x55;
        I64_GT_U = 0x56;
        I64_LE_S = 0x57;
        I64_LE_U = 0x58;
        I64_GE_S = 0x59;
        I64_GE_U = 0x5a;
        F32_EQ = 0x5b;
        F64_EQ = 0x61;
        I32_CLZ = 0x67;
        I32_CTZ = 0x68;
        I32_POPCNT = 0x69;
        I32_ADD = 0x6a;
        I32_SUB = 0x6b;
        I32_MUL = 0x6c;
        I32_DIV_S = 0x6d;
        I32_DIV_U = 0x6e;
        I32_REM_S = 0x6f;
        I32_REM_U = 0x70;
        I32_AND = 0x71;
        I32_OR = 0x72;
        I32_XOR = 0x73;
        I32_SHL = 0x74;
        I32_SHR_S = 0x75;
        I32_SHR_U = 0x76;
        I32_ROTL = 0x77;
        I32_ROTR = 0x78;
        I64_CLZ = 0x79;
        I64_CTZ = 0x7a;
        I64_POPCNT = 0x7b;
        I64_ADD = 0x7c;
        I64_SUB = 0x7d;
        I64_MUL = 0x7e;
        I64_DIV_S = 0x7f;
        I64_DIV_U = 0x80;
        I64_REM_S = 0x81;
        I64_REM_U = 0x82;
        I64_AND = 0x83;
        I64_OR = 0x84;
        I64_XOR = 0x85;
        I64_SHL = 0x86;
        I64_SHR_S = 0x87;
        I64_SHR_U = 0x88;
        I64_ROTL = 0x89;
        I64_ROTR = 0x8a;
        F32_ABS = 0x8b;
        F32_NEG = 0x8c;
        F32_CEIL = 0x8d;
        F32_FLOOR = 0x8e;
        F32_TRUNC = 0x8f;
        F32_NEAREST = 0x90;
        F32_SQRT = 0x91;
        F32_ADD = 0x92;
        F32_SUB = 0x93;
        F32_MUL = 0x94;
        F32_DIV = 0x95;
        F32_MIN = 0x96;
        F32_MAX = 0x97;
        F32_COPYSIGN = 0x98;
        F64_ABS = 0x99;
        F64_NEG = 0x9a;
        F64_CEIL = 0x9b;
        F64_FLOOR = 0x9c;
        F64_TRUNC = 0x9d;
        F64_NEAREST = 0x9e;
        F64_SQRT = 0x9f;
        F64_ADD = 0xa0;
        F64_SUB = 0xa1;
        F64_MUL = 0xa2;
        F64_DIV = 0xa3;
        F64_MIN = 0xa4;
        F64_MAX = 0xa5;
        F64_COPYSIGN = 0xa6;
        I32_WRAP_I64 = 0xa7;
        I64_EXTEND_I32_S = 0xac;
        I64_EXTEND_I32_U = 0xad;
        F32_CONVERT_I32_S = 0xb2;
        F32_CONVERT_I32_U = 0xb3;
        F32_CONVERT_I64_S = 0xb4;
        F32_CONVERT_I64_U = 0xb5;
        F32_DEMOTE_F64 = 0xb6;
        F64_CONVERT_I32_S = 0xb7;
        F64_CONVERT_I32_U = 0xb8;
        F64_CONVERT_I64_S = 0xb9;
        F64_CONVERT_I64_U = 0xba;
        F64_PROMOTE_F32 = 0xbb;
        I32_REINTERPRET_F32 = 0xbc;
        I64_REINTERPRET_F64 = 0xbd;
        F32_REINTERPRET_I32 = 0xbe;
        F64_REINTERPRET_I64 = 0xbf;
        I32_EXTEND8_S = 0xc0;
        I32_EXTEND16_S = 0xc1;
        I64_EXTEND8_S = 0xc2;
        I64_EXTEND16_S = 0xc3;
        I64_EXTEND32_S = 0xc4;
}
