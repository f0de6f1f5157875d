import { QualityLog, readCustomers } from "../../src/core/customers";
import { detectInputs } from "../../src/core/headers";
import type { SheetGrid } from "../../src/core/types";

const sheet: SheetGrid = {
  name: "客户档案",
  values: [
    ["客户ID", "客户名称", "备注", "联系方式", "所属行业"],
    ["C001", "华信科技", "长备注", "13812345678", "制造业"],
    ["C002", "", "", 13900001111],
    ["c001", "重复", "", "", ""],
  ],
};

function read() {
  const table = detectInputs([sheet]).customers;
  if (!table) throw new Error("no archive found");
  const log = new QualityLog(sheet);
  return { customers: readCustomers(sheet, table, log).customers, log };
}

describe("the archive's customers", () => {
  it("read each recognised field from the customer's own line, by name", () => {
    const { customers, log } = read();
    expect(customers.map((c) => c.id)).toEqual(["C001", "C002"]);
    expect(customers[0].fields.name).toBe("华信科技");
    expect(customers[0].fields.phone).toBe("13812345678");
    expect(customers[0].fields["industry"]).toBe("制造业");
    expect(customers[1].fields.phone).toBe(13900001111);
    // A line shorter than the header has nothing in its last columns.
    expect(customers[1].fields.industry).toBeUndefined();
    // A field the archive has no column for is not there.
    expect(customers[0].fields.owner).toBeUndefined();
    expect(log.issues.map((i) => i.kind)).toEqual(["duplicate_customer"]);
  });

  it("show as plain objects of their fields in JSON", () => {
    const { customers } = read();
    expect(JSON.parse(JSON.stringify(customers[0].fields))).toEqual({
      customerId: "C001",
      name: "华信科技",
      notes: "长备注",
      phone: "13812345678",
      industry: "制造业",
    });
  });
});
