import { z } from "zod";
import { rArr, rLink, rNum, rObj, rOneOrMany, rStr } from "./primitives";

/* GET /resellers/v6/orders/search — OrderSearch_Response, tolerant (numbers arrive as strings in examples). */

export const OrderSearchResponse = rObj({
  recordsFound: rNum,
  pageSize: rNum,
  pageNumber: rNum,
  orders: rArr(
    rObj({
      ingramOrderNumber: rStr,
      ingramOrderDate: rStr,
      customerOrderNumber: rStr,
      vendorSalesOrderNumber: rStr,
      vendorName: rStr,
      endUserCompanyName: rStr,
      orderTotal: rNum,
      orderStatus: rStr,
      subOrders: rArr(
        rObj({
          subOrderNumber: rStr,
          subOrderTotal: rNum,
          subOrderStatus: rStr,
          links: rOneOrMany(rLink),
        }),
      ),
      links: rOneOrMany(rLink),
    }),
  ),
  nextPage: rStr,
  previousPage: rStr,
});
export type OrderSearchResponse = z.output<typeof OrderSearchResponse>;
