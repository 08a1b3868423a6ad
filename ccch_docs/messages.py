"""The message catalog: each problem's stable code and its Vietnamese text, the msgid of its translations.

Codes are written here once and never renumbered: systems match them (`CCHC-E001`), whatever the language.
The translations live in `locale/<lang>/LC_MESSAGES/ccch_docs.po` (extracted with `pybabel extract`, compiled
to `.mo` with `pybabel compile`; both are shipped in the package).
"""

from __future__ import annotations

import errno
import gettext
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "ccch_docs"


def N_(text: str) -> str:
    """Marks `text` for the catalog, translated where it is printed."""
    return text


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a msgid with a plural form for the catalog."""
    return singular, plural


CODES: dict[str, str] = {
    # The input's structure (validation of the models).
    "CCHC-E001": N_("thiếu khóa bắt buộc"),
    "CCHC-E002": N_("khóa không có trong định dạng"),
    "CCHC-E003": N_("phải là chuỗi văn bản"),
    "CCHC-E004": N_("phải là một danh sách"),
    "CCHC-E005": N_("phải là một khối khóa: giá trị"),
    "CCHC-E006": N_("chỉ dùng chữ thường không dấu, chữ số và `_`, bắt đầu bằng chữ"),
    "CCHC-E007": N_("phải là một số"),
    "CCHC-E008": N_("phải là số nguyên"),
    "CCHC-E009": N_("phải lớn hơn 0"),
    "CCHC-E010": N_("phải là true hoặc false"),
    "CCHC-E011": N_("giá trị không hợp lệ"),
    # The YAML text.
    "CCHC-E012": N_("YAML không hợp lệ"),
    "CCHC-E013": N_("khóa bị lặp lại"),
    # Values written in a way that could be misread, and places left to fill.
    "CCHC-E020": N_("số viết không rõ"),
    "CCHC-E021": N_("ngày viết không rõ"),
    "CCHC-E022": N_("còn chỗ cần điền"),
    # The file's text.
    "CCHC-E014": N_("tệp quá lớn ({size} byte, tối đa {most})"),
    "CCHC-E015": N_("văn bản quá lớn ({size} ký tự, tối đa {most})"),
    "CCHC-E016": N_("tệp có dấu BOM của {encoding} nhưng nội dung hỏng"),
    "CCHC-E017": N_("byte {byte} không hợp lệ trong UTF-8"),
    "CCHC-E018": N_("{character} không được có trong tệp"),
    "CCHC-E019": N_("văn bản phải là một ánh xạ khóa: giá trị"),
    # Values, cont.
    "CCHC-E023": N_("số liệu phải là số: {detail}"),
    "CCHC-E024": N_("số liệu phải là số, không phải {value}"),
    "CCHC-E025": N_("số quá lớn (từ 10²⁵ trở lên)"),
    "CCHC-E026": N_("số quá lớn (từ 10²⁵ trở lên) hoặc không hữu hạn"),
    "CCHC-E027": N_("{detail} để cộng vào dòng tổng"),
    "CCHC-E028": N_("kỳ báo cáo cần ngày đầy đủ"),
    "CCHC-E029": N_("ngày cuối kỳ trước ngày đầu kỳ"),
    # Linked files and the files written.
    "CCHC-E030": N_("quá nhiều liên kết: tối đa {most} lần ke_thua, kem_theo, ke_hoach cho một văn bản"),
    "CCHC-E031": N_("{kind} vòng tròn: {names}"),
    "CCHC-E032": N_("chuỗi tệp liên kết dài quá {most} tệp"),
    "CCHC-E033": N_("phải là một đường dẫn hoặc danh sách đường dẫn"),
    "CCHC-E034": N_("kế hoạch mà báo cáo trả lời có lỗi"),
    "CCHC-E035": N_("không tìm thấy kế hoạch {path}"),
    "CCHC-E036": N_("chỉ quyết định mới ban hành văn bản kèm theo"),
    "CCHC-E037": N_("phải là đường dẫn tới tệp YAML hoặc một khối khóa: giá trị"),
    "CCHC-E038": N_("không thể ban hành kèm theo một {kind}"),
    "CCHC-E039": N_("tệp đã có, không ghi đè"),
    "CCHC-E040": N_("tệp đã có; thêm --force để ghi đè"),
    "CCHC-E041": N_("không đọc được tệp .docx: {detail}"),
    "CCHC-E042": N_("không phải văn bản hành chính: không có Quốc hiệu, không có số và ký hiệu"),
    "CCHC-E043": N_("kế hoạch không có nhiệm vụ mã `{code}`"),
    "CCHC-E044": N_("kế hoạch không có nhiệm vụ nào trong phụ lục"),
    "CCHC-E045": N_("cần `ke_hoach`: kế hoạch mà báo cáo trả lời, để đối chiếu mã nhiệm vụ"),
    "CCHC-E046": N_("không có nhiệm vụ nào có cơ quan chủ trì hoặc phối hợp là {units}"),
    "CCHC-E047": N_("đường dẫn {path} có vòng liên kết tượng trưng (symlink)"),
    "CCHC-E048": N_("không dùng được đường dẫn {path}: {detail}"),
    "CCHC-E049": N_("tệp {path} nằm ngoài các thư mục được phép đọc ({roots})"),
    # The document's content, across keys.
    "CCHC-E050": N_("cần `viet_tat` để tạo ký hiệu văn bản"),
    "CCHC-E051": N_("thiếu chức vụ người ký"),
    "CCHC-E052": N_("phụ lục có dòng bảng nhưng không có cột"),
    "CCHC-E053": N_("phụ lục trống"),
    "CCHC-E054": N_("không có lời chú thích [^{n}]"),
    "CCHC-E055": N_("chú thích {n} không được đánh dấu trong văn bản"),
    "CCHC-E056": N_("không có mẫu cột `{name}`"),
    "CCHC-E057": N_("cột `{key}` bị khai báo hai lần"),
    "CCHC-E058": N_("không có cột `{key}` để tính tổng"),
    "CCHC-E059": N_("`ma` phải là chuỗi"),
    "CCHC-E060": N_("mã `{code}` đã dùng cho dòng khác"),
    "CCHC-E061": N_("`{key}` không phải là cột của phụ lục"),
    "CCHC-E062": N_("phần nội dung lồng quá {depth} cấp ({scheme})"),
    "CCHC-E063": N_("phần nội dung trống"),
    "CCHC-E064": N_("khóa `{key}` chỉ dùng cho `loai: {owner}`"),
    "CCHC-E065": N_("`loai: {kind}` không có phần `{key}`"),
    "CCHC-E066": N_("bộ mẫu không thể chọn bộ mẫu"),
    "CCHC-E067": N_("bộ mẫu không đặt sẵn tệp liên kết"),
    "CCHC-E068": N_("không phải khóa của văn bản"),
    "CCHC-E069": N_("cột `{key}` được cộng nên là cột số, không phải `kieu: chu`"),
    # The YAML's structure and size.
    "CCHC-E070": N_("đoạn văn quá dài ({size} ký tự, tối đa {most})"),
    "CCHC-E071": N_("khóa phải là một chuỗi, không phải một khối hay danh sách"),
    "CCHC-E072": N_("lồng quá sâu (quá {most} cấp)"),
    "CCHC-E073": N_("không dùng được thẻ YAML `{tag}`"),
    "CCHC-E074": N_("tệp có nhiều hơn một tài liệu YAML (`---`)"),
    "CCHC-E075": N_("tài liệu quá lớn: hơn {most} giá trị (kể cả các lần lặp lại của bí danh `*…`)"),
    "CCHC-E076": N_("{character} không dùng được trong văn bản Word"),
    "CCHC-E077": N_("bí danh `*{name}` nằm trong chính khối `&{same}` mà nó lặp lại"),
    "CCHC-E078": N_("không có neo `&{name}` trước bí danh `*{same}`"),
    "CCHC-E079": N_("dữ liệu quá lớn: hơn {most} giá trị"),
    # Template expressions in the text (the detail is the expression's own message).
    "CCHC-E080": N_("biểu thức {expression}: {detail}"),
    "CCHC-E081": N_("dữ liệu vòng tròn: giá trị chứa chính nó"),
    # Reading linked files.
    "CCHC-E082": N_("không đọc được tệp {path}: {detail}"),
    "CCHC-E083": N_("tệp {path} quá lớn (tối đa {most} byte mỗi tệp, {total} byte cho một văn bản cùng các tệp nó "
                    "liên kết)"),
    "CCHC-E084": N_("{path} không phải là tệp thường"),
    "CCHC-E085": N_("văn bản phải là một ánh xạ khóa: giá trị (ví dụ `loai: ke_hoach`)"),
    "CCHC-E086": N_("`<<` phải nhận một khối hoặc danh sách khối"),
    "CCHC-E087": N_("mã `{code}` trùng với mã mặc định của một dòng khác"),
    "CCHC-E088": N_("chỉ nhận {detail}"),  # a value of none of a key's forms; the forms are PHRASES
    "CCHC-E089": N_("`{item}` mở đầu bằng chữ thường: dấu phẩy trong `[ … ]` đã tách nó khỏi `{before}`"),
    # The command line.
    "CCHC-E090": N_("lỗi không mong đợi: {detail}"),
    "CCHC-E091": N_("không biết xuất định dạng `{suffix}`"),
    "CCHC-E092": N_("dựng nhiều tệp thì -o phải là một thư mục"),
    "CCHC-E093": N_("-o - chỉ dùng được với một tệp YAML"),
    "CCHC-E094": N_("không có tệp YAML nào ở đây"),
    "CCHC-E095": N_("không có tệp hoặc thư mục này"),
    "CCHC-E096": N_("hai văn bản cùng ghi ra một tệp"),
    "CCHC-E097": N_("tệp kết quả trùng với tệp đầu vào; không ghi đè"),
    "CCHC-E098": N_("thiếu {flag}"),
    # Templates and template packs (E100–E199).
    "CCHC-E100": N_("mẫu sinh quá {most} thẻ XML"),
    "CCHC-E101": N_("mẫu có {tables} chỗ đặt bảng phụ lục cho {count} phụ lục"),
    "CCHC-E102": N_("mẫu thiếu word/document.xml hoặc word/styles.xml"),
    "CCHC-E103": N_("mẫu thiếu kiểu đoạn {style} cần để áp dụng co_chu"),
    "CCHC-E104": N_("mẫu thiếu w:sectPr (khổ giấy, lề)"),
    "CCHC-E105": N_("mẫu hỏng: {detail}"),
    "CCHC-E106": N_("không tìm thấy mẫu: {detail}"),
    "CCHC-E107": N_("không mở được mẫu: {detail}"),
    "CCHC-E108": N_("không tìm thấy thư mục `{name}` đi kèm thư viện"),
    "CCHC-E109": N_("thư mục mẫu không tồn tại: {path}"),
    "CCHC-E110": N_("mẫu {path} là liên kết trỏ ra ngoài thư mục mẫu {folder}"),
    "CCHC-E111": N_("không có mẫu `{name}` trên đường tìm mẫu"),
    "CCHC-E112": N_("{file} là liên kết trỏ ra ngoài bộ mẫu {folder}"),
    "CCHC-E113": N_("bộ mẫu {path} nằm ngoài các thư mục được phép đọc"),
    "CCHC-E114": N_("biến `{name}` không có trong ngữ cảnh; trong đoạn «{paragraph}»"),
    "CCHC-E115": N_("mẫu thiếu kiểu đoạn `{style}`"),
    "CCHC-E116": N_("không đoạn nào dùng kiểu `{style}` nữa"),
    "CCHC-E117": N_("mẫu mất vòng lặp `{loop}`"),
    "CCHC-E118": N_("mẫu mất bảng phụ lục mẫu (năm dòng) trong vòng lặp phụ lục"),
    "CCHC-E119": N_("mẫu không phải tệp thường"),
    "CCHC-E120": N_("mẫu có {count} phần, quá {most}"),
    "CCHC-E121": N_("phần nén bằng phương pháp {method} không đọc được"),
    "CCHC-E122": N_("phần được mã hóa (đặt mật khẩu)"),
    "CCHC-E123": N_("phần giải nén ra {size} byte, quá {most}"),
    "CCHC-E124": N_("phần nén {ratio} lần, quá {most} lần (bom nén)"),
    "CCHC-E125": N_("mẫu giải nén ra {size} byte, quá {most}"),
    "CCHC-E126": N_("phần XML không phải UTF-8 (byte {byte})"),
    "CCHC-E127": N_("phần XML hỏng: {detail}"),
    "CCHC-E128": N_("tệp mẫu {size} byte, quá {most}"),
    "CCHC-E129": N_("không đọc được mẫu: {detail}"),
    "CCHC-E130": N_("tên bộ mẫu không được là đường dẫn tuyệt đối"),
    "CCHC-E131": N_("tên bộ mẫu không được ra ngoài thư mục mẫu (`..`)"),
    "CCHC-E132": N_("tên bộ mẫu trống"),
    "CCHC-E133": N_("bộ mẫu `{name}` là liên kết trỏ ra ngoài thư mục mẫu {root}"),
    "CCHC-E134": N_("không tìm thấy bộ mẫu `{name}`"),
    "CCHC-E135": N_("cú pháp Jinja sai: {detail}"),
    "CCHC-E136": N_("mẫu bị chặn vì không an toàn: {detail}"),
    "CCHC-E137": N_("biến không có trong ngữ cảnh: {detail}"),
    "CCHC-E138": N_("mẫu bị chặn vì quá tốn tài nguyên: {detail}"),
    "CCHC-E139": N_("lỗi khi dựng mẫu: {detail}"),
    "CCHC-E140": N_("mẫu sinh ra XML hỏng: {detail}"),
    "CCHC-E141": N_("mẫu mất nhánh `{branch}` của vòng lặp `{loop}`"),
    "CCHC-E142": N_("mẫu mất nhánh `{branch}`"),
    "CCHC-E143": N_("mẫu mất {count} ngắt phần (trang phụ lục, số trang riêng)"),
    "CCHC-E148": N_("văn bản có hơn {most} đoạn, quá nhiều để đọc"),
    "CCHC-E149": N_("văn bản quá dài: dựng ra quá {most} thẻ XML"),
    "CCHC-E150": N_("văn bản quá dài: dựng ra quá {most} ký tự"),
    # Writing the output and the PDF (E200–E299).
    "CCHC-E200": N_("không tìm thấy LibreOffice ở {path} (biến CCHC_SOFFICE)"),
    "CCHC-E201": N_("không tìm thấy LibreOffice (soffice) để xuất PDF"),
    "CCHC-E202": N_("LibreOffice không chuyển được sang PDF: {detail}"),
    "CCHC-E203": N_("LibreOffice không khởi động được để xuất PDF"),
    "CCHC-E204": N_("không chạy được LibreOffice: {detail}"),
    "CCHC-E205": N_("LibreOffice không tạo ra tệp PDF trọn vẹn"),
    "CCHC-E206": N_("LibreOffice chuyển sang PDF quá {seconds} giây nên đã dừng; không ghi PDF"),
    "CCHC-E207": N_("không ghi được: {detail}"),
    "CCHC-E208": N_("đích ghi không phải tệp thường (thư mục, thiết bị, FIFO …)"),
    "CCHC-E209": N_("đích ghi là tệp đầu vào {path}: không ghi đè"),
    "CCHC-E210": N_("luồng ghi đã đóng"),
    "CCHC-E211": N_("luồng văn bản không nhận được .docx"),
    "CCHC-E212": N_("không ghi được vào luồng: {detail}"),
    "CCHC-E213": N_("tệp kết quả {path} đã là tệp kết quả của văn bản khác trong lô; không ghi đè"),
    "CCHC-E214": N_("thời gian chờ xuất PDF phải lớn hơn 0 và tối đa {most} giây, không phải {value}"),
    "CCHC-E215": N_("số tiến trình phải từ 0 trở lên (0: mỗi CPU một tiến trình), không phải {value}"),
    "CCHC-E216": N_("{path} là một tệp, không phải thư mục"),
    "CCHC-E217": N_("tệp đã có là tệp chỉ đọc: không ghi đè"),
    "CCHC-E218": N_("--profile trùng với tệp văn bản: hồ sơ đơn vị sẽ bị chính văn bản ghi đè"),
    "CCHC-E219": N_("tệp .docx và tệp PDF của văn bản là cùng một tệp {path}: PDF sẽ ghi đè .docx"),
    "CCHC-E220": N_("luồng chỉ để đọc, không ghi được"),
    "CCHC-E221": N_("tệp ghi ra là văn bản Word (.docx), không mang đuôi `{suffix}`"),
    "CCHC-E222": N_("tệp ghi ra là PDF, không mang đuôi `{suffix}`"),
    # A batch stopped (E610–E619).
    "CCHC-E610": N_("đã dừng (SIGTERM); không tệp nào bị ghi dở"),
    "CCHC-E611": N_("{n} tệp không được dựng: đĩa không nhận thêm (đầy, hết hạn mức hoặc chỉ đọc)"),
    # The command line's streams and signals (E620–E629).
    "CCHC-E620": N_("không ghi được ra đầu ra chuẩn: {detail}"),
    "CCHC-E621": N_("đã dừng (Ctrl-C); không tệp nào bị ghi dở"),
    "CCHC-E622": N_("không có tệp .docx nào ở đây"),
    "CCHC-E623": N_("không đọc được thư mục: {detail}"),
    "CCHC-E624": N_("không ghi được tệp tạm để xuất PDF: {detail}"),
    "CCHC-E625": N_("không in văn bản nhị phân ra cửa sổ dòng lệnh"),
    # A ký hiệu out of the decree's form (E626–E629), as `check` would find it in the document.
    "CCHC-E626": N_("ký hiệu `{sign}` có khoảng trắng hoặc dấu `/`"),
    "CCHC-E627": N_("ký hiệu `{sign}` có năm"),
    "CCHC-E628": N_("ký hiệu `{sign}` phải bắt đầu bằng {abbr} ({name})"),
    "CCHC-E629": N_("ký hiệu `{sign}` có chữ thường"),
    # More of the input's values and shape (E300–E399).
    "CCHC-E300": N_("loại văn bản `{value}` không có trong Phụ lục III"),
    "CCHC-E301": N_("ngày {date} không có trên lịch"),
    "CCHC-E302": N_("tháng phải từ 1 đến 12, không phải {month}"),
    "CCHC-E303": N_("cần một ngày như 2021-12-05, 2021-12 hoặc 2021"),
    "CCHC-E304": N_("cần một ngày như 2021-12-05, 05/12/2021, 2021-12 hoặc 2021, không phải {value}"),
    "CCHC-E305": N_("năm {year} nằm ngoài khoảng 1900–2200"),
    "CCHC-E306": N_("phải là chuỗi văn bản; YAML đọc dòng có dấu hai chấm `:` thành cặp khóa: giá trị"),
    "CCHC-E307": N_("có ký tự điều khiển không in được"),
    "CCHC-E308": N_("không được để trống"),
    "CCHC-E309": N_("mỗi Điều hoặc mục là một chuỗi văn bản hoặc một khối tieu_de, doan, muc"),
    "CCHC-E310": N_("phải là một số, không phải true/false"),
    "CCHC-E311": N_("`{value}` không được hiểu là đúng/sai"),
    "CCHC-E312": N_("kiểu đánh số `{value}` không hợp lệ"),
    "CCHC-E313": N_("ô của bảng phải là chữ, số hoặc danh sách dòng chữ"),
    "CCHC-E314": N_("tình trạng `{value}` không hợp lệ"),
    "CCHC-E315": N_("chỗ trống {unknown} không có trong câu chữ này"),
    "CCHC-E316": N_("mẫu cột phải có ít nhất một cột và các khoa không trùng nhau"),
    "CCHC-E630": N_("thiếu chức vụ của người ký dưới dòng {form}"),
    "CCHC-E631": N_("họ tên người ký không kèm danh xưng, học hàm, học vị ({title})"),
    # A biên bản (Mẫu 1.9): what it states before its content, its closing line, its two signers.
    "CCHC-E632": N_("biên bản cần thời gian bắt đầu"),
    "CCHC-E633": N_("biên bản cần địa điểm"),
    "CCHC-E634": N_("biên bản cần thành phần tham dự"),
    "CCHC-E635": N_("biên bản cần dòng kết thúc (… kết thúc vào … giờ …, ngày … tháng … năm …)"),
    "CCHC-E636": N_("biên bản cần người ký bên trái (thư ký, người ghi biên bản)"),
    "CCHC-E637": N_("`vai_tro` chỉ dùng khi hai người ký ngang hàng (biên bản)"),
    "CCHC-E638": N_("người ký biên bản ký tên mình, không ký dưới dòng {form}"),
    "CCHC-E639": N_("ký tự {glyph} ({code}) không có trong phông Times New Roman của văn bản"),
    # Values that contradict another key, or type what the program prints (E640–E649).
    "CCHC-E640": N_("ngày cuối kỳ báo cáo ({den}) sau ngày ban hành văn bản ({ngay}) hơn {days} ngày"),
    "CCHC-E641": N_("tệp ghi ra là YAML, không mang đuôi `{suffix}`"),
    "CCHC-E642": N_("mục `{item}` là dòng Lưu, đã có ở `luu: {luu}`"),
    "CCHC-E643": N_("địa danh `{place}` có cả ngày tháng"),
    "CCHC-E646": N_("so_cot có {got} nhãn, bảng có {want} cột (kể cả cột Số TT)"),
    "CCHC-E647": N_("tệp ghi ra là trang HTML, không mang đuôi `{suffix}`"),
    "CCHC-E648": N_("`loai: {kind}` không in dòng kỳ báo cáo"),
    "CCHC-E649": N_("dấu chú thích [^{n}] ở đây không in thành chú thích"),
    "CCHC-E645": N_("chú thích {n} đã có ở chu_thich của quyết định"),
    "CCHC-E329": N_("bỏ qua phần nhúng {part} (w:altChunk) sau đoạn {at}: nội dung của nó không được đọc"),
    "CCHC-E349": N_("đoạn {at} có ký hiệu không có trong phông Times New Roman: đã ghi thành {glyph}"),
    "CCHC-E644": N_("đoạn văn không có đề mục được đánh số I., II. … như một đề mục in hoa"),
    "CCHC-E320": N_("`gop` cần hai cột trở lên của bảng, theo thứ tự các cột"),
    "CCHC-E321": N_("ô `{key}` nằm trong ô gộp: phải để trống"),
    "CCHC-E322": N_("dòng đầu của nhóm không có ô trên để gộp"),
    "CCHC-E339": N_("--don-vi trống: cần tên đơn vị như ghi ở cột chủ trì hoặc phối hợp"),
    "CCHC-E346": N_("tài liệu quá lớn: hơn {most} ký tự chữ (kể cả các lần lặp lại của bí danh `*…`)"),
    "CCHC-E347": N_("dữ liệu quá lớn: hơn {most} ký tự chữ"),
    "CCHC-E348": N_("{count} chỗ khác cũng có lỗi {code}"),  # the same problem at many places, counted (errors.shown)
    "CCHC-E350": N_("cột `{key}` ghi tỷ lệ: dòng tổng không cộng các tỷ lệ"),
    # What a decision and a công văn cannot do without (decree.layouts' requirements, as E632–E636 a biên bản's).
    "CCHC-E351": N_("quyết định cần dòng thẩm quyền ban hành"),
    "CCHC-E352": N_("quyết định cần ít nhất một Điều"),
    "CCHC-E353": N_("công văn cần nơi gửi (`Kính gửi:`)"),
    "CCHC-E354": N_("công văn cần đơn vị soạn thảo để tạo ký hiệu (06/VPUBND-KSTTHC)"),
    "CCHC-E355": N_("chú thích {k} trùng số với chú thích {first}"),  # `1` and `01`: one footnote number
    "CCHC-E356": N_("chú thích [^{n}] đã được đánh dấu ở chỗ trước"),  # a Word footnote has one mark
    # Other problems of the input (their own wording).
    "CCHC-E099": N_("lỗi của dữ liệu đầu vào"),
}
OTHER = "CCHC-E099"
_CODE_OF = {msgid: code for code, msgid in CODES.items()}  # each msgid's code, for code_of
# More msgids of a code: the same problem cited at a template's paragraph.
SAME_CODE: dict[str, str] = {
    N_("dòng đầu của bảng không có ô trên để gộp"): "CCHC-E322",
    N_("khóa phải là một chuỗi, không phải {kind} {key}"): "CCHC-E071",
    N_("cú pháp Jinja sai: {detail}; trong đoạn «{paragraph}»"): "CCHC-E135",
    N_("mẫu bị chặn vì không an toàn: {detail}; trong đoạn «{paragraph}»"): "CCHC-E136",
    N_("biến không có trong ngữ cảnh: {detail}; trong đoạn «{paragraph}»"): "CCHC-E137",
    N_("mẫu bị chặn vì quá tốn tài nguyên: {detail}; trong đoạn «{paragraph}»"): "CCHC-E138",
    N_("lỗi khi dựng mẫu: {detail}; trong đoạn «{paragraph}»"): "CCHC-E139",
    N_("mẫu sinh ra XML hỏng: {detail}; trong đoạn «{paragraph}»"): "CCHC-E140",
}
# Fixed openings of messages and hints that go on with values (`còn chỗ cần điền: (trích yếu …)`).
HEADS = (N_("các khóa được dùng ở đây"), N_("chọn một trong"), N_("đặt giá trị trong dấu ngoặc kép"),
         N_("đặt dòng trong dấu ngoặc kép"), N_("số liệu phải là số"), N_("dấu hai chấm `:` đặt sai chỗ"),
         N_("thụt lề bằng phím Tab"), N_("thiếu dấu ngoặc kép đóng"),
         N_("các cột"), N_("các mẫu"), N_("các khóa được dùng"), N_("các khóa có"),
         N_("các bộ lọc"), N_("các tên dùng được"), N_("chỉ gọi được các hàm"))
# The command line's own words, as argparse writes them (its msgids are English): Vietnamese in the vi catalog.
ARGPARSE = (
    N_('usage: '),
    N_('%(prog)s: error: %(message)s\n'),
    N_('argument %(argument_name)s: %(message)s'),
    N_('ambiguous option: %(option)s could match %(matches)s'),
    N_('expected one argument'),
    N_('expected at least one argument'),
    N_('expected at most one argument'),
    N_('invalid %(type)s value: %(value)r'),
    N_('invalid choice: %(value)r (choose from %(choices)s)'),
    N_('not allowed with argument %s'),
    N_('one of the arguments %s is required'),
    N_('options'),
    N_('positional arguments'),
    N_('show this help message and exit'),
    N_('the following arguments are required: %s'),
    N_('unrecognized arguments: %s'),
    N_("can't open '%(filename)s': %(error)s"),
    N_('ignored explicit argument %r'),
    N_('unexpected option string: %s'),
)
ARGPARSE_PLURAL = (NP_('expected %s argument', 'expected %s arguments'),)
# The YAML parser's errors made from the user's own line (yamlerrors.py; its fixed wording is marked there).
VALUE_COLON = N_("giá trị của `{key}` có dấu hai chấm `:` nên YAML hiểu sai")
VALUE_DASH = N_("giá trị của `{key}` bắt đầu bằng `- ` nên YAML hiểu sai")
QUOTE_VALUE = N_("đặt giá trị trong dấu ngoặc kép: {rewritten} — hoặc viết `{key}: >-` rồi xuống dòng, "
                 "thụt lề đoạn văn")
CUT_VALUE = N_("ký tự ẩn {character} sau «{before}» cắt ngang giá trị: YAML đọc phần sau nó thành một dòng riêng")
CUT_HINT = N_("đặt con trỏ ngay sau «{before}», nhấn Delete để xóa ký tự ẩn (thêm dấu cách nếu cần), hoặc xóa rồi gõ "
              "lại dòng {line}")
DASHED_LIST = N_("viết {rewritten} — hoặc mỗi mục một dòng, bắt đầu bằng `- \"- …\"`")
# The command line's hints with values.
MANY_HINT = N_("viết -o {out}/ (có dấu / ở cuối)")
NAME_HINT = N_("đặt tên tệp có đuôi {suffix}, ví dụ {option} {name}")  # a file written named as another format
MISSING_HINT = N_("thêm {flag} …, hoặc chạy lệnh trong cửa sổ dòng lệnh để trả lời từng câu")
KINDS_HINT = N_("một trong: {kinds}")
FORMAT_HINT = N_("đặt tên tệp có đuôi {wanted}: chương trình ghi đúng định dạng mang tên đó")
SLASH_HINT = N_("viết đường dẫn bằng dấu `/` (don-vi/ubnd.yaml), trên mọi máy; dấu `\\` của Windows là một ký tự "
                "của tên tệp")
BUILT_HINT = N_("VanBan(…) và model_copy(update=…) không kiểm tra kiểu: dựng văn bản bằng from_dict để được kiểm tra")
SPLIT_HINT = N_("tách văn bản thành nhiều tệp, hoặc đưa phụ lục lớn ra tệp riêng")  # a document too long to read
ONE_OF = "CCHC-E088"
# The forms a key accepts (model.one_of), named in a CCHC-E088 message.
TRUE_OR_COLUMN = N_("true, khóa của một cột hoặc danh sách khóa")
TRUE_OR_LABELS = N_("true hoặc danh sách nhãn cột")
TRUE_FALSE_TEXT = N_("true, false hoặc một dòng chữ")
COLUMNS = N_("tên mẫu cột hoặc danh sách cột, mỗi cột một khối {khoa, ten}")
# A table's row written as a list (`- [Xã A, 1.234,5, 78,7%]`, its decimal commas splitting its cells).
ROW_AS_LIST = N_("trong `[ … ]` dấu phẩy ngăn các ô: số thập phân có dấu phẩy phải đặt trong dấu ngoặc kép "
                 "(\"1.234,5\") hoặc viết kiểu khối, mỗi ô một dòng (`ho_so: 1.234,5`); và mỗi dòng ghi từng ô sau "
                 "khóa của cột, ví dụ `- {xa: Xã A, ho_so: \"1.234,5\", ty_le: \"78,7%\"}`")
# Hints and expression messages that go with values (translated like messages, with no code of their own).
PHRASES = (N_("đã tìm trong: {folders}"), N_("chia cho 0"), N_("ti_le(a, b) ghi 0% khi b bằng 0"),
           N_("mỗi chú thích chỉ đánh dấu một lần; ở chỗ sau viết `(xem chú thích {n})` hoặc thêm một chú thích "
              "số khác"),
           N_("gói ZIP hỏng: {detail}"), N_("kết quả quá lớn"), N_("không có khóa `{key}`"),
           N_("cú pháp sai: {detail}"),
           N_("viết liền, các phần nối bằng dấu `-`: {fixed}"), N_("viết {fixed}"),
           N_("viết {abbr}-<chữ viết tắt tên cơ quan>, hoặc bỏ ky_hieu để dùng {abbr}-<co_quan.viet_tat>"),
           VALUE_COLON, VALUE_DASH, QUOTE_VALUE, DASHED_LIST, CUT_VALUE, CUT_HINT, MANY_HINT, MISSING_HINT, KINDS_HINT,
           NAME_HINT, TRUE_OR_COLUMN, TRUE_OR_LABELS, TRUE_FALSE_TEXT, COLUMNS,
           N_("ghi `dia_danh: {place}`, ngày ở khóa ngay, ví dụ `ngay: 2022-01-05`"),
           N_("nếu là một mục, đặt cả mục trong dấu ngoặc kép: {rewritten}"),
           N_("trong { … } dấu phẩy ngăn các khóa: viết {rewritten}"),
           N_("cho cột {key} cách tính: `ti_le: {tu_so: …, mau_so: …}` (dòng tổng in tỷ lệ của các tổng), hoặc "
              "bỏ {key} khỏi tong_cong"),
           N_("trong [ … ] dấu phẩy ngăn các mục: viết {rewritten} nếu là một số; hai mục thì thêm dấu cách sau "
              "dấu phẩy"),
           N_("thay {glyph} bằng chữ hoặc một ký tự có trong phông (•, →, √, ≥ …)"),
           N_("mỗi cột cần khóa và tiêu đề: `cot: [{columns}]`"),
           N_("mỗi cột cần khóa và tiêu đề: `cot: [{columns}]`; hoặc cả mẫu cột `{name}`"),
           N_("bỏ `kieu: chu` của cột {key}, hoặc bỏ tong_cong"),
           N_("bỏ `kieu: chu` của cột {key}, hoặc bỏ `ti_le` của cột {rate}"),
           N_("viết `ho_ten: {name}`"),
           N_("ký tự `{typed}` không dùng được trong biểu thức"),
           N_("`{name}` không có tham số `{key}`"),
           N_("tham số `{key}` của `{name}` được cho hai lần"),
           N_("`{name}` nhận từ {least} đến {most} giá trị, không phải {count}"),
           N_("`{name}` thiếu tham số `{key}`"),
           N_("cách gọi: {call}"),
           N_("gõ `{ascii}` trên bàn phím thay cho `{typed}` (Word, Excel tự đổi dấu khi gõ hoặc chép)"),
           N_("viết một dòng chữ sau `{key}:`; dòng có [ ] { } hay `: ` thì đặt cả dòng trong dấu ngoặc kép"),
           N_("ghi nội dung cho `{key}` (khóa bắt buộc)"),
           N_("ghi nội dung cho `{key}`, hoặc bỏ cả dòng `{key}:` nếu không có gì để ghi"),
           N_("có phải ý bạn là `{name}`?"),
           N_("ghi chữ của ô gộp ở cột đầu `{key}`"),
           N_("thêm khóa `{key}`"),
           N_("thêm khóa `{key}` (có thể đặt trong tệp ke_thua của đơn vị)"),
           N_("viết {key}: 05/12/2021 hoặc 2021-12-05"),
           N_("viết {key}: 05/12/2021 hoặc 2021-12-05, hoặc 2021-12 (chưa có ngày), hoặc 2021"),
           N_("viết {key}: 2021-12-05"),
           N_("chọn trong {choices}"),
           N_("thêm `chu_thich: {{n}: …}`"),
           N_("ghi `[^{n}]` ngay sau chữ cần chú thích"),
           N_("năm `{year}` viết tắt"),
           N_("viết {date} (năm đủ bốn chữ số)"),
           N_("viết {date} (ngày/tháng/năm)"),
           N_("viết {date} (năm-tháng-ngày)"),
           N_("ngày `{text}` không có trên lịch: không có tháng {month}"),
           N_("`{text}` đọc được hai cách"),
           N_("viết {whole} nếu là {words}, {decimal} nếu là số thập phân"),
           N_("{detail}, {decimal} nếu là số thập phân"),
           N_("viết {whole} nếu là {words}"),
           N_("`{text}` không phải là một số"),
           N_("viết {number} (bằng số, không viết đơn vị triệu, tỷ)"),
           N_("`{text}` không phải là cách viết số của tiếng Việt"),
           N_("viết {number} (dấu chấm giữa các hàng nghìn, dấu phẩy trước phần thập phân)"),
           N_("bỏ một khóa {key} trong vòng"),
           N_("đường dẫn tính từ thư mục của tệp báo cáo ({folder})"),
           N_("kiểm tra {origin}; mỗi mục là một thư mục chứa tệp .docx hoặc các bộ mẫu"),
           N_("đã tìm trong: {folders}; có: {known}"),
           N_("chép {file} vào thư mục bộ mẫu thay vì dùng liên kết"),
           N_("đổi tên kiểu `{old}` lại thành `{style}`; thư viện tìm kiểu theo tên"),
           N_("giữ nguyên tên kiểu `{style}` như trong mẫu có sẵn; thư viện tìm kiểu theo tên"),
           N_("áp lại kiểu `{style}` cho đoạn đó (như trong mẫu có sẵn); đường kẻ, cỡ chữ và khoảng cách của nó "
              "nằm trong kiểu"),
           N_("dòng {row} của kế hoạch có mã `{code}`: dùng mã đó"),
           N_("dùng được: {usable}; mặc định: {default}"),
           N_("bỏ khóa này, hoặc đổi thành `loai: {owner}`"),
           N_("bỏ `{key}` (`{key}: null` khi nó đến từ tệp ke_thua); ghi vai trò trong vai_tro (THƯ KÝ, CHỦ TỌA, "
              "ĐẠI DIỆN …), chức vụ trong chuc_vu"),
           N_("ký tự điều khiển {code}"),
           N_("ký tự {code}"),
           N_("ký tự đổi hướng chữ {code}"),
           N_("bảng phụ lục mẫu cần đúng {count} dòng ({kinds}), có {found}"),
           N_("dòng mẫu `{kind}` không có ô"),
           N_("{name}: đoạn {n} không xếp được (ghi thành chú thích trước `{before}`): {text}"),
           N_("{name}: đoạn {n} không xếp được (ghi thành chú thích ở cuối tệp): {text}"),
           N_("{name}: văn bản không có `{key}`: đã điền chỗ trống, hãy sửa"),
           N_("`{name}` cần một số, không phải {kind} {value}"),
           N_("`{name}` nhận một số không in được: {detail} hoặc không hữu hạn"),
           N_("`{name}`: số chữ số thập phân phải từ 0 đến {most}, không phải {value}"),
           N_("`ti_le`: {detail}"),
           N_("`tien`: đơn vị `{unit}` không hợp lệ"),
           N_("dùng {units} hoặc gon=true"),
           N_("`bang_chu` chỉ đọc số nguyên, không phải {number}"),
           N_("`bang_chu`: {detail}"),
           N_("`ngay`: {detail}"),
           N_("`ngay` cần một ngày, không phải {kind}"),
           N_("phép `{op}` chỉ dùng cho số, không dùng cho {kind}"),
           N_("không đọc được `.{attribute}` của {kind}"),
           N_("không có phần tử thứ {index} (danh sách có {count} phần tử)"),
           N_("không đọc được `[{index}]` của {kind}"),
           N_("biểu thức quá dài (quá {most} thành phần)"),
           N_("không dùng được `{node}` trong biểu thức"),
           N_("`{name}` là một hàm"),
           N_("gọi {name}(x) hoặc dùng bộ lọc x|{name}"),
           N_("không đọc được `{name}`"),
           N_("không có bộ lọc `{name}`"),
           N_("không gọi được `{name}`: chỉ gọi được {functions}"),
           N_("kết quả là {kind}, không phải số hay chữ"),
           N_("kết quả không có giá trị (danh sách trống)"),
           N_("đoạn văn sau khi tính dài quá {most} ký tự"),
           N_("không có tên `{name}`"),
           N_("văn bản này chưa có `{name}`"),
           N_("không được phép: {detail}"),
           N_("không có giá trị: {detail}"),
           N_("sai kiểu dữ liệu: {detail}"),
           N_("không tính được: {detail}"),
           N_("mẫu dựng quá {seconds} giây"),
           N_("vòng lặp vượt {most} lượt"),
           N_("giá trị sẽ dài quá {most} ký tự"),
           N_("giá trị dài quá {most} ký tự"),
           N_("khối `set`, macro hay `call` giữ quá {most} ký tự"),
           N_("`slice` quá {most} phần"),
           N_("chuỗi hoặc danh sách dài quá {most} phần tử"),
           N_("mẫu sinh quá {most} ký tự"))
# Hints, and words put into messages, with nothing to fill in.
HINTS = (
    N_("mỗi khóa chỉ được viết một lần trong cùng một khối; xóa bản thừa"),
    N_("mỗi số chú thích một lời: bỏ một trong hai, hoặc đánh số khác"),
    N_("viết `so_cot: true` (in (1), (2) … dưới tiêu đề mỗi cột) hoặc mỗi cột một nhãn, kể cả cột Số TT, ví dụ "
       "`so_cot: [A, B, \"1\", \"2\", \"3=1+2\"]`"),
    N_("bỏ thẻ; viết chuỗi trong dấu ngoặc kép nếu cần giữ nguyên"),
    N_("bỏ thẻ"),
    N_("mỗi tệp một văn bản; bỏ dòng `---` thứ hai"),
    N_("khai báo `&tên` trước khi dùng `*tên`"),
    N_("một khối không thể chứa chính nó"),
    N_("ví dụ `<<: *mac_dinh` với `mac_dinh: &mac_dinh {…}`"),
    N_("viết `khóa: giá trị`; khóa là một chữ, ví dụ noi_dung"),
    N_("giảm số cấp lồng nhau của khối và danh sách"),
    N_("lưu tệp với bảng mã UTF-8 (không dùng Windows-1258, TCVN3 hay VNI)"),
    N_("tệp có vẻ là UTF-16 không có BOM; lưu lại với bảng mã UTF-8"),
    N_("đây là tệp Word (.docx), không phải YAML: chuyển nó thành YAML bằng lệnh nhap (nhap tệp.docx -o tệp.yaml)"),
    N_("tệp có vẻ là UTF-16 không có BOM: lưu lại với bảng mã UTF-8"),
    N_("xóa ký tự này (tệp có thể bị hỏng, hoặc không phải văn bản UTF-8)"),
    N_("xóa ký tự này (hoặc mã thoát \\x.., \\u.... tạo ra nó)"),
    N_("xóa ký tự này: nó đảo chiều chữ khi hiển thị (thường lẫn vào khi chép chữ từ nơi khác)"),
    N_("xóa ký tự này"),
    N_("xóa hoặc viết thành chữ: văn bản hành chính in bằng phông Times New Roman, không có biểu tượng, emoji"),
    N_("lưu lại tệp với bảng mã UTF-8"),
    N_("chia thành nhiều đoạn"),
    N_("bớt bí danh lồng nhau, hoặc tách thành nhiều tệp"),
    N_("ví dụ `- Ban hành kèm theo Quyết định này …` hoặc `- {tieu_de: …, doan: …}`"),
    N_("ví dụ `so: 5`"),
    N_("kiểm tra lại số"),
    N_("viết true hoặc false"),
    N_("cho một giá trị khi danh sách trống, ví dụ so_lieu.quy|first|default(0)"),
    N_("giải mã thành str trước, ví dụ value.decode('utf-8')"),
    N_("một set không có thứ tự; dùng list, ví dụ sorted(…)"),
    N_("dùng chuỗi làm khóa, ví dụ \"2021\" thay cho 2021"),
    N_("tổng các dòng của cột được cộng từ 10²⁵ trở lên: kiểm tra số liệu của các dòng"),
    N_("bỏ năm (ngày ban hành đã có năm): ký hiệu gồm chữ viết tắt tên loại văn bản và tên cơ quan, ví dụ KH-UBND"),
    N_('chọn một trong "I.", "1.", "a)", "1", "a" hoặc none'),
    N_('chọn một trong "I.", "I", "1.", "a)", "1", "a" hoặc none'),
    N_("ví dụ `san_pham: Kế hoạch` hoặc `san_pham: [- Kế hoạch;, - Báo cáo.]`"),
    N_("ví dụ ky_bao_cao: {tu: 2020-12-01, den: 2021-11-15}"),
    N_("ví dụ ket_qua: {tt-noi-bo: {tinh_trang: hoan_thanh, ket_qua: Đã tổ chức 12 đợt}}"),
    N_("ví dụ so_lieu: {ho_so: {tiep_nhan: 44333, truoc_han: 34908}}"),
    N_("ví dụ ke_hoach, bao_cao, quyet_dinh, to_trinh, cong_van"),
    N_("bỏ kem_theo, hoặc đặt loai: quyet_dinh"),
    N_("ví dụ `kem_theo: quy-che.yaml`"),
    N_("văn bản kèm theo là kế hoạch, quy chế, quy định, chương trình …"),
    N_("thêm co_quan.viet_tat (ví dụ UBND) hoặc ghi thẳng ky_hieu"),
    N_("thêm chuc_vu (và tm/kt/tl/tuq/q nếu ký thay)"),
    N_("thêm chuc_vu, ví dụ `chuc_vu: PHÓ CHỦ TỊCH`"),
    N_("đặt bảng trong doan, giữa các đoạn văn: `doan: [\"Đoạn trước:\", {bang: {cot: …, dong: …}}]`"),
    N_("thêm `cot:` (danh sách cột hoặc tên mẫu cột)"),
    N_("thêm `cot` và `dong` (một bảng), hoặc `noi_dung`"),
    N_("số liệu là số đếm hay số tiền, dưới 10²⁵"),
    N_("viết số như 44333, 44.333.000, 99,59 hoặc 99.59"),
    N_("thay bằng nội dung thật; hoặc thêm `du_thao: true` để dựng bản nháp"),
    N_("kiểm tra tu và den"),
    N_("bỏ mục này khỏi noi_nhan: dòng `- Lưu: …` in từ khóa luu; ghi mọi nơi lưu vào luu, ví dụ `luu: VT, P.CCHC`"),
    N_("kỳ báo cáo kết thúc trước ngày ban hành, hoặc ít tuần sau khi số liệu được ước đến cuối kỳ; xa hơn thường "
       "là gõ nhầm năm hoặc tháng: sửa ky_bao_cao.den hoặc ngay"),
    N_("thêm ke_hoach: ke-hoach-cchc-2021.yaml (đường dẫn tính từ thư mục của tệp này)"),
    N_("mỗi khóa cột chỉ dùng một lần"),
    N_("ví dụ ma: tt-noi-bo"),
    N_("mỗi dòng một mã riêng (báo cáo dùng mã để liên kết)"),
    N_('số thứ tự in nguyên văn, ví dụ so: "5a"'),
    N_("dùng đoạn gạch đầu dòng `- ` / `+ ` trong doan, đặt `so: false`, hoặc chọn thêm cấp trong danh_so.cap"),
    N_("thêm tieu_de, doan hoặc muc"),
    N_("thêm tieu_de, đặt `so: false` (đoạn không đánh số) hoặc đưa đoạn vào muc của phần trước"),
    N_("bỏ khóa này"),
    N_("không có"),
    N_("sửa các liên kết tượng trưng trên đường dẫn"),
    N_("kiểm tra đường dẫn"),
    N_("mỗi tệp chỉ cần kế thừa vài hồ sơ; bỏ các đường dẫn lặp lại"),
    N_("chỉ liên kết tới tệp trong các thư mục đã cho (--roots, roots=)"),
    N_("kiểm tra đường dẫn (tính từ thư mục của tệp đang viết)"),
    N_("tách văn bản, hoặc bỏ bớt dữ liệu không dùng"),
    N_("đường dẫn phải tới một tệp YAML"),
    N_("sửa các lỗi của tệp kế hoạch bên dưới"),
    N_("gộp bớt các tệp ke_thua; kiểm tra các khóa ke_thua, kem_theo, ke_hoach"),
    N_("ví dụ `ke_thua: don-vi/ubnd-tinh.yaml`"),
    N_("kế thừa"),
    N_("liên kết"),
    N_("thêm ke_hoach: đường dẫn tới kế hoạch mà báo cáo trả lời"),
    N_("thêm ky_bao_cao: {tu: 2020-12-01, den: 2021-11-15}"),
    N_("báo cáo đối chiếu các dòng trong phu_luc của kế hoạch"),
    N_("đặt mã không có dạng <nhóm>.<dòng>, ví dụ tt-noi-bo"),
    N_("dùng `ma` của một dòng phụ lục kế hoạch, hoặc <nhóm>.<dòng> cho dòng không có mã"),
    N_("chép tệp mẫu vào thư mục thay vì dùng liên kết"),
    N_("viết tên thư mục bộ mẫu, ví dụ `mau: tinh-dong-thap`"),
    N_("chép bộ mẫu vào trong thư mục mẫu thay vì dùng liên kết"),
    N_("đặt bộ mẫu trong các thư mục đã cho (--roots, roots=) hoặc --templates"),
    N_("lưu lại mẫu bằng Word hoặc LibreOffice (định dạng .docx)"),
    N_("kiểm tra cặp {{ }} / {% %} và các thẻ for/if có đủ end"),
    N_("mẫu chỉ được đọc các biến trong ngữ cảnh (docs/mau-van-ban.md)"),
    N_("xem danh sách biến trong docs/mau-van-ban.md hoặc chạy `python -m ccch_docs templates check`"),
    N_("bỏ vòng lặp, macro đệ quy hoặc range quá lớn"),
    N_("bỏ vòng lặp sinh đoạn văn bằng `safe`"),
    N_("tách thành nhiều văn bản ngắn hơn"),
    N_("bảng mẫu phải nằm trong vòng `{%p for pl in phu_luc %}`: bảng đầu tiên sau thẻ đó là bảng mẫu"),
    N_("bỏ bộ lọc `safe`: giá trị phải được thoát (escape)"),
    N_("giữ nguyên tên các kiểu đoạn `CCHC …` khi sửa mẫu"),
    N_("xem danh sách biến trong docs/mau-van-ban.md"),
    N_("chép lại đoạn chứa thẻ này (và thẻ `end…` của nó) từ mẫu có sẵn"),
    N_("chép lại đoạn chứa thẻ này và các đoạn của nhánh từ mẫu có sẵn; thiếu nhánh, nội dung loại đó bị in theo "
       "kiểu của nhánh khác hoặc bị bỏ qua"),
    N_("chép lại các đoạn trống chứa ngắt phần (kiểu `CCHC Ngắt đoạn`) từ mẫu có sẵn, mỗi đoạn riêng"),
    N_("chép lại bảng từ mẫu có sẵn, ngay sau đoạn `{%p for pl in phu_luc %}`"),
    N_("bảng phụ lục mẫu thiếu w:tblGrid hoặc độ rộng cột (w:gridCol w:w)"),
    N_("phần XML khai báo DOCTYPE (DTD, thực thể): không được phép"),
    N_("w:sectPr thiếu khổ giấy hoặc lề (w:pgSz w:w, w:pgMar w:left, w:right)"),
    N_("chọn một tệp .docx"),
    N_("chọn tệp kết quả khác (-o)"),
    N_("mở luồng nhị phân ('wb') hoặc dùng io.BytesIO"),
    N_("kiểm tra chỗ trống trên đĩa và nơi nhận đầu ra, hoặc ghi ra tệp (-o)"),
    N_("kiểm tra quyền đọc thư mục"),
    N_("chuyển đầu ra vào tệp: -o - > van-ban.docx, hoặc dùng -o van-ban.docx"),
    N_("giải phóng chỗ trống trên đĩa, hoặc ghi ra ổ khác (-o)"),
    N_("chọn thư mục có quyền ghi (-o), hoặc xin quyền ghi thư mục này"),
    N_("ổ này chỉ đọc: chọn thư mục khác (-o)"),
    N_("đặt tên tệp ngắn hơn (-o)"),
    N_("một phần của đường dẫn là tệp, không phải thư mục: kiểm tra -o"),
    N_("giải phóng chỗ trống trong thư mục tạm, hoặc đặt biến TMPDIR"),
    N_("đặt cho mỗi Job tệp .docx và PDF riêng"),
    N_("đặt cho PDF một tên khác tệp .docx, ví dụ cùng tên với đuôi .pdf"),
    N_("hai tệp .docx cùng tên (hoặc một tệp nêu hai lần): chuyển từng nhóm vào một thư mục riêng (out_dir)"),
    N_("ví dụ 600 cho văn bản rất dài (mặc định 180)"),
    N_("ví dụ 2, hoặc 0 để dùng mọi CPU"),
    N_("chọn thư mục khác cho -o, hoặc đổi tên tệp đang chiếm chỗ thư mục đó"),
    N_("ghi vào thư mục khác, hoặc đổi tên tệp đang chiếm chỗ thư mục đó"),
    N_("đặt cho hồ sơ đơn vị một tệp riêng, ví dụ don-vi/ubnd.yaml"),
    N_("bớt bí danh lặp lại đoạn văn dài, hoặc tách thành nhiều tệp"),
    N_("bỏ thuộc tính chỉ đọc của tệp nếu muốn thay nó (chmod u+w), hoặc chọn tên khác"),
    N_("cài LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-liberation2; Windows, macOS: "
       "libreoffice.org) hoặc đặt biến CCHC_SOFFICE là đường dẫn tới soffice"),
    N_("tách phụ lục rất dài thành tệp riêng, hoặc cho thêm thời gian (--pdf-timeout)"),
    N_("dùng --force để ghi đè"),
    N_('thử cách gọi có trong cột chủ trì/phối hợp của phụ lục, ví dụ "cấp huyện"; có thể nêu --don-vi nhiều lần'),
    N_("chỉ nhập được văn bản theo Nghị định 30/2020/NĐ-CP (kế hoạch, báo cáo, quyết định, công văn, tờ trình …)"),
    # Why a file is no .docx (notdocx.py, flatten.py), and what to do.
    N_("không phải tệp .docx (không phải gói ZIP của Office Open XML)"),
    N_("mở tệp bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx); tệp PDF hay ảnh quét thì cần xin tệp "
       ".docx gốc"),
    N_("gói ZIP bị cắt cụt hoặc hỏng"),
    N_("tệp Office được đặt mật khẩu (mã hóa): không đọc được nội dung"),
    N_("mở tệp bằng Word, nhập mật khẩu, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật "
       "khẩu, xóa trống ô mật khẩu) rồi lưu lại dạng .docx; hoặc xin tệp không đặt mật khẩu"),
    N_("tệp Word 97–2003 (.doc), không phải .docx"),
    N_("mở bằng Word rồi lưu dạng .docx, hoặc chuyển bằng LibreOffice: soffice --headless --convert-to docx "
       "TỆP.doc"),
    N_("tệp Office 97–2003 nhưng không phải văn bản Word (có thể là Excel .xls hay PowerPoint .ppt)"),
    N_("chọn đúng tệp văn bản Word (.docx)"),
    N_("tệp bị hỏng hoặc tải về chưa hết: mở bằng Word (Word đề nghị sửa tệp) rồi lưu lại, hoặc xin lại tệp gốc"),
    N_("tệp không do Word hay LibreOffice lưu: mở bằng một trong hai rồi lưu lại dạng Word (.docx)"),
    N_("một phần của tệp giải nén ra quá lớn (có thể là bom nén): nếu là văn bản thật, lưu lại bằng Word sau khi "
       "bỏ bớt hình ảnh, đối tượng nhúng, hoặc tách thành nhiều tệp"),
    N_("không có phần word/document.xml"),
    N_("gói ZIP này không phải văn bản Word (có thể là Excel .xlsx, PowerPoint .pptx, OpenDocument .odt hay một "
       "tệp nén đổi đuôi): mở bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx)"),
    N_("tài liệu không có phần thân (w:body)"),
    N_("lấy số từ so_lieu, ví dụ so_lieu.ho_so.tiep_nhan"),
    N_("kiểm tra số liệu và phép tính"),
    N_("kiểm tra phần và tổng"),
    N_("làm tròn trước: bang_chu(x|round|int)"),
    N_('`bang_chu`: đơn vị phải là chữ, ví dụ bang_chu(x, "đồng")'),
    N_('linh: "linh" hoặc "lẻ"; nghin: "nghìn" hoặc "ngàn"; ty: "tỷ" hoặc "tỉ"'),
    N_("viết ngày dạng 2021-12-05"),
    N_("ví dụ ngay(ky_bao_cao.tu)"),
    N_("lũy thừa quá lớn"),
    N_("kết quả quá lớn hoặc không phải số thực"),
    N_("dấu chấm chỉ dùng để đọc khóa của khối dữ liệu, ví dụ so_lieu.ho_so"),
    N_("phần tử đầu tiên là [0]"),
    N_("chỉ dùng biểu thức `{{ … }}`, không dùng câu lệnh `{% … %}` hay `{# … #}`"),
    N_("điều kiện viết trong biểu thức: {{ 'đạt' if a >= b else 'chưa đạt' }}; để in nguyên `{{`, `{%` hay `{#`, "
       "viết {{ '{{' }}, {{ '{%' }}, {{ '{#' }}"),
    N_("mỗi `{{` cần một `}}` đóng lại; để in nguyên `{{`, `{%` hay `{#`, viết {{ '{{' }}, {{ '{%' }}, {{ '{#' }}"),
    N_("kiểm tra các dấu ngoặc ( ), dấu nháy ' ' và phép tính; để in nguyên `{{`, `{%` hay `{#`, "
       "viết {{ '{{' }}, {{ '{%' }}, {{ '{#' }}"),
    N_("viết giá trị cần in, ví dụ {{ so_lieu.ho_so.tiep_nhan }}; để in nguyên `{{`, `{%` hay `{#`, "
       "viết {{ '{{' }}, {{ '{%' }}, {{ '{#' }}"),
    N_("biểu thức trống: không có gì giữa `{{` và `}}`"),
    N_("biểu thức chưa trọn: thiếu giá trị sau phép tính, hoặc thiếu dấu đóng ngoặc"),
    N_("ví dụ so(x, 2) in 1.234,57: hai chữ số sau dấu phẩy"),
    N_("đặt đơn vị trong dấu nháy: bang_chu(x, 'đồng')"),
    N_("viết từng tham số, ví dụ ti_le(a, b, 2)"),
    N_("[số] đọc một phần tử của danh sách, ['khóa'] một khóa của khối dữ liệu"),
    N_("biểu thức chỉ đọc giá trị, tính toán, so sánh và gọi các hàm so, ti_le, phan_tram, tien, bang_chu, ngay"),
    N_("kiểm tra tên số liệu"),
    N_("ví dụ ti_le(so_lieu.ho_so.dung_han, so_lieu.ho_so.tiep_nhan)"),
    N_("thiếu `}}` đóng biểu thức"),
    N_("thừa phần sau biểu thức"),
    N_("biểu thức lồng quá sâu"),
    N_("tách thành nhiều biểu thức"),
    N_("không dùng `*` hay `**` để truyền tham số"),
    N_("tên khóa không bắt đầu bằng `_`"),
    N_("chọn một giá trị cụ thể, ví dụ so_lieu.ho_so.tiep_nhan"),
    N_("kiểm tra các tham số của hàm và bộ lọc"),
    N_("không dùng `%` với chuỗi trong mẫu"),
    N_("số quá lớn"),
    N_("đúng/sai"),
    N_("số"),
    N_("chữ"),
    N_("ngày"),
    N_("khối dữ liệu"),
    N_("danh sách"),
    N_("rỗng"),
    N_('viết `so: false` (không đánh số) hoặc nhãn in đúng như viết, ví dụ `so: "III"`'),
    N_("viết `phu_luc_ket_qua: true`, hoặc tiêu đề của phụ lục kết quả"),
    N_("viết `tong_cong: true` (cộng cột kinh_phi), khóa của cột cần cộng (`tong_cong: tiep_nhan`) "
       "hoặc danh sách khóa (`tong_cong: [tiep_nhan, dung_han]`)"),
    N_("ví dụ `cot: ke_hoach_8_cot`, hoặc `cot: [{khoa: noi_dung, ten: Nội dung}, {khoa: ket_qua, ten: Kết quả}]`"),
    N_("ví dụ gop: [thoi_gian, kinh_phi]: một ô từ cột thoi_gian đến hết cột kinh_phi"),
    N_("bỏ gop_tren ở dòng này; dòng nhóm ngắt các ô gộp dọc"),
    N_("bỏ gop_tren ở dòng này"),
    N_("mở tệp bằng Word và lưu lại (Word gộp phần nhúng vào văn bản), rồi nhập lại"),
    N_("ô gộp với ô dòng trên in chữ của ô dòng trên"),
    N_("một ô gộp ngang không gộp dọc được: bỏ cột này khỏi gop_tren"),
    N_("ví dụ `thoi_gian_bat_dau: 08 giờ 00 phút, ngày 15 tháng 10 năm 2024`"),
    N_("ví dụ `dia_diem: Hội trường Ủy ban nhân dân xã Tân Phú`"),
    N_("một dòng, hoặc danh sách: mỗi phần tử một đoạn, ví dụ "
       "`thanh_phan: [\"1. Đoàn kiểm tra: …\", \"2. Ủy ban nhân dân xã: …\"]`"),
    N_("ví dụ `ket_thuc: Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày./.`"),
    N_("ví dụ `nguoi_cung_ky: {ho_ten: Lê Thị Thu}`; vai trò mặc định THƯ KÝ, hoặc `vai_tro: ĐẠI DIỆN …`"),
    N_("ví dụ `tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`"),
    N_("viết `dieu:` là danh sách; mỗi Điều là một chuỗi hoặc {tieu_de, doan, muc}"),
    N_("ví dụ `kinh_gui: [Sở Nội vụ, Sở Tài chính]`"),
    N_("thêm `don_vi_soan: KSTTHC`, hoặc ghi thẳng `ky_hieu`"),
    N_("thêm `hien_thi: false` nếu kỳ báo cáo chỉ dùng trong biểu thức (ky_bao_cao.tu), hoặc bỏ ky_bao_cao"),
    N_("đặt dấu chú thích trong đoạn văn, đề mục, ô bảng, căn cứ, kính gửi hay nơi nhận; tên cơ quan, trích yếu, "
       "người ký, tên phụ lục, nhãn `so` của một phần in đúng như gõ"),
    N_("bỏ vai_tro; ghi chức vụ trong chuc_vu"),
    N_("biên bản không có Kính gửi: ghi nơi nhận trong noi_nhan"),
    N_("số văn bản là số nguyên dương, ví dụ `so: 5`; chưa có số thì bỏ khóa so (văn thư ghi số khi ban hành)"),
    N_("độ rộng tương đối của cột, lớn hơn 0: cột `rong: 2` rộng gấp đôi cột `rong: 1`"),
    N_("viết không dấu, nối các chữ bằng `_`, ví dụ `noi_dung`, `kinh_phi_2024`"),
    N_("bỏ mục trống này khỏi danh sách"),
    N_("sửa như các chỗ nêu trên"),
    N_("nêu một tệp .docx, hoặc một thư mục có tệp .docx (tìm cả trong thư mục con)"),
    N_("thư mục đích không có và không tạo được ở đó: kiểm tra -o"),
    N_("mỗi dòng đầu tệp là một khóa, không bắt đầu bằng `- `; tệp khởi đầu có chú thích: python -m ccch_docs init "
       "--loai ke_hoach"),
)
# Why the system refused a file (OSError.errno), in the words of messages; os_error() prints it.
OS_ERRORS: dict[int, str] = {
    errno.ENOENT: N_("không có tệp hoặc thư mục này"),
    **dict.fromkeys((errno.EACCES, errno.EPERM), N_("không có quyền truy cập")),
    errno.EROFS: N_("ổ đĩa chỉ đọc"),
    errno.EISDIR: N_("đây là một thư mục"),
    errno.ENOTDIR: N_("một phần của đường dẫn không phải là thư mục"),
    errno.ENOSPC: N_("đĩa đã đầy"),
    errno.EDQUOT: N_("đã hết hạn mức dung lượng đĩa"),
    errno.EFBIG: N_("tệp quá lớn"),
    errno.ENAMETOOLONG: N_("tên tệp quá dài"),
    errno.ELOOP: N_("đường dẫn có vòng liên kết tượng trưng (symlink)"),
    errno.EEXIST: N_("tệp đã có"),
    errno.EBADF: N_("luồng đã đóng"),
    errno.EPIPE: N_("nơi nhận đầu ra đã đóng"),
    errno.EIO: N_("lỗi đọc ghi của thiết bị"),
    errno.EBUSY: N_("tệp hoặc thiết bị đang bận"),
    **dict.fromkeys((errno.EMFILE, errno.ENFILE), N_("mở quá nhiều tệp cùng lúc")),
    errno.ENOMEM: N_("không đủ bộ nhớ"),
}


def os_error(exc: BaseException) -> str:
    """Why the system refused, as a message says it: the phrase of its errno (translated where the message is
    printed), else the system's own text; a path it refused for a NUL in it (ValueError), that.

    >>> os_error(FileNotFoundError(errno.ENOENT, "No such file or directory")), os_error(OSError(errno.EXDEV, "x"))
    ('không có tệp hoặc thư mục này', 'x')
    """
    if isinstance(exc, ValueError) and not isinstance(exc, OSError):  # a path's NUL (io.UnsupportedOperation is both)
        return NUL_IN_NAME
    number = getattr(exc, "errno", None)
    return OS_ERRORS.get(number or 0) or getattr(exc, "strerror", None) or str(exc)


NUL_IN_NAME = N_("đường dẫn có ký tự NUL (\\0)")


HINT = N_("gợi ý")
COUNT = N_("lỗi.")
# The words of `check`'s reports (check_output.py): places, found and required, the summaries, the page's headings.
CHECK_WORDS = {
    "section": N_("phần {n}"), "paragraph": N_("đoạn {n}"), "cell": N_("bảng {table} hàng {row} ô {cell}"),
    "textbox": N_("khung chữ {n}"), "header": N_("đầu trang"), "footer": N_("chân trang"),
    "found": N_("có"), "required": N_("cần"), "at": N_("tại"), "more": N_("và {n} chỗ khác"),
    "ok": N_("đạt"), "title": N_("Kết quả kiểm tra thể thức"), "rule": N_("mã quy tắc"), "element": N_("thành phần"),
    "violations": N_("{n} lỗi thể thức"), "missing": N_("{n} phần không tìm thấy"),
    "unreadable": N_("không đọc được"), "hint": HINT, "note": N_("chưa kiểm tra được"),
    "not_found": N_("không tìm thấy"),
    "total": N_("{files} tệp: {ok} đạt, {bad} có lỗi, {unreadable} không đọc được"),
}


_WORDS = {"detail", "character", "kind", "usable"}  # the places in msgids that hold the program's words, not data
_COUNTS = {"size", "most", "total", "count", "ratio"}  # the places that hold the program's counts and limits
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")  # a whole number as grouped() writes it
_chosen: list[str] = []  # the command line's --lang, while it runs


def grouped(n: int) -> str:
    """A count or a limit as a message prints it: Vietnamese notation, `.` between thousands; translate() writes
    it in the notation of the language of messages (formats.numbers.so, through Babel, is for documents).

    >>> grouped(2_000_000), grouped(999)
    ('2.000.000', '999')
    """
    return f"{n:,}".replace(",", ".")


def in_notation(n: float, digits: int = 0, lang: str | None = None) -> str:
    """`n` as a summary line prints it, `digits` after the decimal mark, in the notation of `lang` (default: the
    language of messages).

    >>> in_notation(1234, lang="vi"), in_notation(12.34, 1, lang="vi"), in_notation(1234.5, 1, lang="en")
    ('1.234', '12,3', '1,234.5')
    """
    from babel import Locale, UnknownLocaleError
    from babel.numbers import format_decimal
    try:
        locale = Locale.parse(lang or language())
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("vi")
    return format_decimal(n, format="#,##0" + ("." + "0" * digits if digits else ""), locale=locale)


def _noted(value: str, lang: str) -> str:
    """A count grouped() wrote, in the notation of `lang` (`2,000,000` in English); other values as they are."""
    if lang == "vi" or not _GROUPED.fullmatch(value):
        return value
    return in_notation(int(value.replace(".", "")), lang=lang)  # an unknown language: Vietnamese notation, as written


def language() -> str:
    """The language of messages: the command line's --lang, else CCHC_LANG (`vi` by default, `en`)."""
    return _chosen[-1] if _chosen else os.environ.get("CCHC_LANG", "vi").split("_")[0].lower() or "vi"


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Messages in `lang` inside the block."""
    _chosen.append(lang)
    try:
        yield
    finally:
        _chosen.pop()


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's own words (`usage:`, `error:`, `invalid choice` …) in `lang` inside the block."""
    import argparse
    names = vars(argparse)  # argparse looks its words up through its module names `_` and `ngettext`
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = _catalog(lang).gettext, _catalog(lang).ngettext
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


def lookup(text: str, lang: str | None = None) -> str:
    """`text` whole from the catalog of `lang` (default: language()), else as written."""
    return _catalog(lang or language()).gettext(text)


def looked_up(texts: dict[str, str], lang: str | None = None) -> dict[str, str]:
    """Each of `texts` (msgids by name) whole from the catalog of `lang` (default: language())."""
    return {key: lookup(text, lang) for key, text in texts.items()}


@lru_cache(maxsize=8)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """(code, msgid, pattern matching the messages made from it), the msgids with most fixed text first."""
    found = []
    for code, msgid in [*CODES.items(), *((code, msgid) for msgid, code in SAME_CODE.items()),
                        *(("", phrase) for phrase in PHRASES)]:
        parts = re.split(r"\{(\w+)\}", msgid)
        seen: set[str] = set()
        pattern = ""
        for i, part in enumerate(parts):
            if i % 2 == 0:
                pattern += re.escape(part)
            else:
                pattern += f"(?P={part})" if part in seen else f"(?P<{part}>.*?)"
                seen.add(part)
        fixed = sum(len(part) for part in parts[::2])
        found.append((fixed, code, msgid, re.compile(pattern, re.S)))
    return [(code, msgid, pattern) for _, code, msgid, pattern in sorted(found, key=lambda f: -f[0])]


def matching(message: str) -> tuple[str, str, dict[str, str]] | None:
    """The code (`""` for a hint) and msgid `message` was made from, and the values put in it; None if the
    catalog has no such message.

    >>> matching("không tìm thấy mẫu: x.docx")
    ('CCHC-E106', 'không tìm thấy mẫu: {detail}', {'detail': 'x.docx'})
    """
    for code, msgid, pattern in _patterns():
        found = pattern.fullmatch(message)
        if found:
            return code, msgid, found.groupdict()
    return None


def code_of(message: str) -> str:
    """The stable code of a message: its msgid's in CODES, else the code of other problems of the input."""
    found = matching(message)
    if found and found[0]:
        return found[0]
    return _CODE_OF.get(message.partition(": ")[0], OTHER)  # `YAML không hợp lệ: …`


def translate(text: str, lang: str | None = None) -> str:
    """`text` in `lang` (default: language()): whole when the catalog has it; else, for a message made from
    a msgid with `{values}`, the translated msgid filled with the same values (counts and limits in the
    language's notation); else its leading phrase up to `: ` (the fixed part of a message that goes on with
    values), the rest translated likewise when that phrase is known, else as written.

    >>> translate("thiếu khóa bắt buộc", "en"), translate("YAML không hợp lệ: x", "en")
    ('required key missing', 'invalid YAML: x')
    >>> translate("dữ liệu quá lớn: hơn 2.000.000 giá trị", "en")
    'data too large: more than 2,000,000 values'
    """
    if not text:  # gettext("") is the catalog's header
        return text
    catalog = _catalog(lang or language())
    whole = catalog.gettext(text)
    if whole != text:
        return whole
    made = matching(text)
    if made is not None and made[2]:  # values as written, but a `detail` (a `kind` …) is itself a message
        values = {k: translate(v, lang) if k in _WORDS else _noted(v, lang or language()) if k in _COUNTS else v
                  for k, v in made[2].items()}
        return re.sub(r"\{(\w+)\}", lambda m: values[m[1]], catalog.gettext(made[1]))
    head, sep, rest = text.partition(": ")
    if not sep:
        return text
    known = catalog.gettext(head)
    return known + sep + (translate(rest, lang) if known != head else rest)  # `YAML không hợp lệ: <a message>`
