use gwr_model::{Fact, ReportRow, Table};
fn main() {
    println!("{}", serde_json::to_string_pretty(&Fact::row_json_schema()).unwrap());
    println!("{}", serde_json::to_string_pretty(&ReportRow::table_schema()).unwrap());
}
