import type { CatalogItem } from "./sandbox-types.ts";

type Row = [
  ingram: string,
  vendorPn: string,
  vendor: string,
  description: string,
  price: number,
  weight: number,
  stock: number,
];

// Part numbers and vendor part numbers as they appear in Ingram's published examples; prices and descriptions
// are plausible inventions.
const ROWS: Row[] = [
  ["DF4128", "920-002555", "LOGITECH", "COMBO WAVE MK550 WRLS DESKTOP WRLS LASER MOUSE", 61.22, 2.9, 0],
  ["RQ6000", "RQ6000-KIT", "HP INC", "HP ELITEDESK 800 G9 MINI I5 16GB 512GB", 912.4, 3.1, 400],
  ["4U0212", "4U0212-BNDL", "DELL", "DELL LATITUDE 5440 I7 16GB 512GB 14IN", 1288.0, 4.2, 250],
  ["YZ1478", "YZ1478-US", "LENOVO", "THINKPAD T14 GEN 4 I5 16GB 256GB W11P", 1105.75, 3.4, 300],
  ["2GZ200", "SIP-T46S", "YEALINK", "YEALINK SIP-T46S IP PHONE 16 LINES POE", 142.99, 2.2, 900],
  ["1C6094", "VA2055SM", "VIEWSONIC", "20IN WS LED 1080P VA2055SM VGA MNTR DVI SUPERCLEAR MVA PANEL", 107.65, 7.9, 500],
  ["TXSLM3", "SLM3-TX", "TRIPP LITE", "TRIPP LITE SURGE PROTECTOR 6 OUTLET 10FT", 24.18, 1.6, 1200],
  ["4A0036", "4A0036-CBL", "BELKIN", "BELKIN CAT6 SNAGLESS PATCH CABLE 10FT BLUE", 6.49, 0.3, 5000],
  ["4AW708", "BE7H-M5-K9", "CISCO", "CISCO BUSINESS EDITION 7000H M5 APPLIANCE", 18950.0, 38.0, 12],
  ["5CX895", "TC57HO-1PEZU4P-NA", "ZEBRA", "ZEBRA TC57 TOUCH COMPUTER ANDROID WLAN 4G", 1389.0, 1.1, 60],
  ["8RB884", "MYD82LL/A", "APPLE", "APPLE MACBOOK PRO 13IN M1 8GB 256GB SPACE GRAY", 1199.0, 3.0, 150],
  ["8RB881", "MGN73LL/A", "APPLE", "APPLE MACBOOK AIR 13IN M1 8GB 512GB SILVER", 1149.0, 2.8, 150],
  ["9YG948", "SCPG2LL/A", "APPLE", "APPLECARE+ FOR MACBOOK AIR M1 3 YEAR", 249.0, 0, 10000],
  ["9HG002", "9HG002-SW", "MICROSOFT", "MICROSOFT 365 BUSINESS STANDARD 1 YEAR ESD", 150.0, 0, 10000],
  ["9HF999", "KW5-00360", "MICROSOFT", "MICROSOFT WINDOWS 11 PRO 64BIT ESD", 199.0, 0, 10000],
  ["9VL970", "QWU-00013", "MICROSOFT", "MICROSOFT SURFACE PRO 9 TYPE COVER BLACK", 139.99, 0.6, 80],
  ["CD98075", "SM-A336BZKGEUE", "SAMSUNG", "GALAXY A33 5G EE SMD BLACK 6+128GB", 290.0, 0.5, 0],
  ["TSXML1", "TSXML1-TEST", "INGRAM TEST", "SANDBOX TEST SKU 1", 10.0, 1.0, 100000],
  ["TSXML3", "TSXML3-TEST", "INGRAM TEST", "SANDBOX TEST SKU 3", 30.0, 1.0, 100000],
  ["7RK121", "C9200L-24P-4G-E", "CISCO", "CISCO CATALYST 9200L 24P POE+ 4X1G", 2475.5, 12.1, 40],
  ["3ZQ457", "U2723QE", "DELL", "DELL ULTRASHARP 27 4K USB-C HUB MONITOR U2723QE", 579.99, 14.5, 220],
  ["6PL882", "AP-635-US", "HPE ARUBA", "ARUBA AP-635 WI-FI 6E CAMPUS ACCESS POINT", 1010.0, 2.4, 75],
  ["2MX310", "DS923+", "SYNOLOGY", "SYNOLOGY DISKSTATION DS923+ 4-BAY NAS", 599.0, 4.9, 35],
  ["8VT019", "SMT1500RM2UC", "APC", "APC SMART-UPS 1500VA LCD RM 2U 120V", 1225.0, 62.0, 25],
];

export const CATALOG: ReadonlyMap<string, CatalogItem> = new Map(
  ROWS.map(([ingramPartNumber, vendorPartNumber, vendorName, description, unitPrice, unitWeight, stock], i) => [
    ingramPartNumber,
    {
      ingramPartNumber,
      vendorPartNumber,
      vendorName,
      description,
      unitPrice,
      unitWeight,
      stock,
      upcCode: String(97855000000 + i * 7919).padStart(12, "0"),
      electronic: unitWeight === 0,
    },
  ]),
);

/**
 * Ingram's vendor numbers for the catalog's vendors (the details call filters lines by `vendorNumber`; the
 * detail schema has no vendor-number field, so the sandbox keeps the mapping here). Invented values.
 */
export const VENDOR_NUMBERS: Readonly<Record<string, string>> = Object.fromEntries(
  [...new Set(ROWS.map((r) => r[2]))].map((vendor, i) => [vendor, String(100_001 + i * 37)]),
);

export function findPart(partNumber: unknown): CatalogItem | undefined {
  return typeof partNumber === "string" ? CATALOG.get(partNumber.trim().toUpperCase()) : undefined;
}

/**
 * The account's registered customer part numbers (CPN → Ingram part), as Ingram keeps them for SAP accounts;
 * the first is the one Ingram's "Order with CPN - SAP" example sends.
 */
export const CUSTOMER_PART_NUMBERS: Readonly<Record<string, string>> = {
  "90NB0GI4-M03110": "YZ1478",
  "ACME-LAPTOP-14": "4U0212",
};

const BY_VENDOR_PART = new Map([...CATALOG.values()].map((i) => [i.vendorPartNumber.toUpperCase(), i]));

/** A line's part as sent: Ingram's part number, the vendor's part number, or a registered customer part number. */
export function resolvePart(partNumber: string): CatalogItem | undefined {
  const key = partNumber.trim().toUpperCase();
  return findPart(key) ?? BY_VENDOR_PART.get(key) ?? findPart(CUSTOMER_PART_NUMBERS[key]);
}

export const WAREHOUSES: Record<string, string> = {
  "10": "Mira Loma, CA",
  "30": "Millington, TN",
  "40": "Carol Stream, IL",
  "80": "Jonestown, PA",
  "49": "Electronic Download",
};
export const PHYSICAL_WAREHOUSES = ["10", "30", "40", "80"];

export const CARRIERS: Record<string, string> = {
  RG: "FEDEX GROUND",
  UG: "UPS GROUND",
  "4M": "SMARTPOST-BM",
  O1: "ONTRAC",
  FC: "FOX HOURLY",
  GN: "DHL NORMAL",
  PV: "AMAZON PRIME WC",
  OT: "OTHER",
  VL: "VIRTUAL",
};
export const PHYSICAL_CARRIERS = ["RG", "UG", "4M", "O1", "FC", "GN", "PV", "OT"];

export const END_USERS: string[] = [
  "ABC TECHNOLOGIES",
  "FIRST NATIONAL BANK OF OMAHA",
  "MEDECISION INC",
  "NORTHWIND TRADERS",
  "CONTOSO LTD",
  "FABRIKAM INC",
  "ADVENTURE WORKS",
  "WIDE WORLD IMPORTERS",
  "TAILSPIN TOYS",
  "LITWARE INC",
  "PROSEWARE INC",
  "BLUE YONDER AIRLINES",
  "COHO WINERY",
  "MARGIE'S TRAVEL",
  "TREY RESEARCH",
  "GRAPHIC DESIGN INSTITUTE",
  "LUCERNE PUBLISHING",
  "WINGTIP TOYS",
  "ALPINE SKI HOUSE",
  "CITY POWER & LIGHT",
  "SOUTHRIDGE VIDEO",
  "HUMONGOUS INSURANCE",
  "WOODGROVE BANK",
  "FOURTH COFFEE",
  "A. DATUM CORPORATION",
];

export const CITIES: [city: string, state: string, zip: string][] = [
  ["LENEXA", "KS", "662191736"],
  ["SANTA ANA", "CA", "927054931"],
  ["FLAGSTAFF", "AZ", "860010000"],
  ["BUFFALO", "NY", "142250001"],
  ["AUSTIN", "TX", "787011234"],
  ["DENVER", "CO", "802021010"],
  ["COLUMBUS", "OH", "432150444"],
  ["SEATTLE", "WA", "981040009"],
  ["RALEIGH", "NC", "276010200"],
  ["MIAMI", "FL", "331310500"],
  ["CHICAGO", "IL", "606040300"],
  ["BOSTON", "MA", "021100100"],
];

export const STREETS = [
  "17501 W 98TH ST",
  "1610 E SAINT ANDREW PL",
  "2502 N FORT VALLEY RD",
  "601 LEE RD",
  "3351 MICHELSON DR",
  "100 MAIN ST",
  "455 MARKET ST",
  "9 TECHNOLOGY DR",
  "2200 MISSION COLLEGE BLVD",
];
export const CONTACTS = [
  "TOM SORENSEN",
  "AARON RICCITELLI",
  "MARIA GARCIA",
  "JAMES SMITH",
  "PRIYA PATEL",
  "LI WEI",
  "SARAH JOHNSON",
  "DAVID KIM",
  "EMMA BROWN",
  "CARLOS RUIZ",
];
